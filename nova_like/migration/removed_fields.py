"""Fields a model no longer uses while the schema still has them.

Between an expand step and the contract step that drops a column, the code
must work with and without it.  The model declares it removed::

    class Instance(BASE):
        ...
        host_name = Column(String(255))
        hostname = RemovedField(original=String(255),
                                condition=InstanceHostNameMigrated())

It is no mapped column: reading or writing ``instance.hostname`` raises,
and the ORM never selects or inserts it.  The schema keeps the column
until the contract step, gated on ``condition``
(:class:`nova_like.migration.conditions.Condition`), drops it; so after
``db sync --expand`` the schema is the models *plus* their removed fields
(:func:`expected_metadata`), and after the contract steps the models alone.
"""
import sqlalchemy as sa


class RemovedField(object):
    """A column of the schema the model does not map any more.

    :param original: its type, as the schema still has it
    :param condition: what must hold before the schema may drop it
    :param column_kwargs: the rest of its definition (``nullable``,
        ``server_default``...), for :func:`expected_metadata`
    """

    def __init__(self, original, condition, **column_kwargs):
        self.original = original
        self.condition = condition
        self.column_kwargs = column_kwargs
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        raise AttributeError(self._message(type(instance)))

    def __set__(self, instance, value):
        raise AttributeError(self._message(type(instance)))

    def column(self):
        """A new :class:`sqlalchemy.Column` as the schema still has it."""
        return sa.Column(self.name, self.original, **self.column_kwargs)

    def _message(self, owner):
        return '%s.%s is a removed field (the schema keeps it until: %s)' % (
            owner.__name__, self.name, self.condition)


def removed_fields(base):
    """``(table name, RemovedField)`` pairs of a declarative ``base``."""
    found = []
    for mapper in sorted(base.registry.mappers,
                         key=lambda item: item.class_.__name__):
        seen = set()
        for klass in mapper.class_.__mro__:
            for name, value in vars(klass).items():
                if isinstance(value, RemovedField) and name not in seen:
                    seen.add(name)
                    found.append((mapper.local_table.key, value))
    return found


def conditions(base):
    """The distinct conditions of the removed fields of ``base``."""
    unique = []
    for _table, field in removed_fields(base):
        if field.condition not in unique:
            unique.append(field.condition)
    return unique


def expected_metadata(base):
    """A copy of ``base.metadata`` with the removed fields added back.

    The schema expected between the expand steps and the contract steps
    that drop those fields; compare it with a database after ``db sync
    --expand`` (:mod:`nova_like.testing.models_sync`).
    """
    copy = sa.MetaData(naming_convention=base.metadata.naming_convention)
    for table in base.metadata.sorted_tables:
        table.to_metadata(copy)
    for table_key, field in removed_fields(base):
        copy.tables[table_key].append_column(field.column())
    return copy
