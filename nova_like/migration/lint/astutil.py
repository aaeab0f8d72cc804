"""Small helpers to read expressions of legacy scripts out of the AST."""
import ast


def dotted(node):
    """``a.b.c`` for a Name/Attribute chain, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return '.'.join(reversed(parts))


def call_name(call):
    """The last name of what ``call`` calls: ``create`` for ``t.create()``."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def receiver(call):
    """The object a method is called on, or None for a plain function."""
    return call.func.value if isinstance(call.func, ast.Attribute) else None


def keyword(call, name):
    """The value node of keyword argument ``name``, or None."""
    for item in call.keywords:
        if item.arg == name:
            return item.value
    return None


def is_true(node):
    return isinstance(node, ast.Constant) and node.value is True


def string(node):
    """The str value of a constant node, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def walk_local(node):
    """Like :func:`ast.walk`, without entering nested functions or classes.

    Code in a nested ``def`` or ``lambda`` runs when (if ever) it is
    called, so it is no operation of the enclosing function.
    """
    todo = [node]
    while todo:
        current = todo.pop()
        yield current
        for child in ast.iter_child_nodes(current):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                      ast.Lambda, ast.ClassDef)):
                todo.append(child)


def module_functions(tree):
    """Module-level ``def`` nodes by name."""
    return {node.name: node for node in tree.body
            if isinstance(node, ast.FunctionDef)}


def bound_names(target):
    """Names an assignment target binds (tuples unpacked)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for item in target.elts for name in bound_names(item)]
    return []


def assignments(function):
    """Yield (names, value) for each assignment-like binding in a function.

    Loop and ``with`` targets are bound to what they iterate or enter;
    ``x.append(v)`` / ``x.extend(v)`` / ``x[k] = v`` count as binding ``x``
    to ``v``: scripts build their rows that way.
    """
    for node in walk_local(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                yield _target_names(target), node.value
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and \
                node.value is not None:
            yield _target_names(node.target), node.value
        elif isinstance(node, (ast.For, ast.comprehension)):
            yield bound_names(node.target), node.iter
        elif isinstance(node, ast.withitem) and node.optional_vars:
            yield bound_names(node.optional_vars), node.context_expr
        elif isinstance(node, ast.Call) and call_name(node) in (
                'append', 'extend', 'add') and node.args and \
                isinstance(receiver(node), ast.Name):
            yield [receiver(node).id], node.args[0]


def bound_by(statement):
    """Names a simple statement binds or fills (``x = ...``, ``x.append``)."""
    return [name for names, _value in assignments(statement)
            for name in names]


def module_strings(tree):
    """{name: value} of the module's top-level string constants."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and string(node.value) is not None:
            for target in node.targets:
                for name in bound_names(target):
                    found[name] = node.value.value
    return found


def _target_names(target):
    if isinstance(target, ast.Subscript) and isinstance(target.value,
                                                        ast.Name):
        return [target.value.id]
    return bound_names(target)


def names_in(node):
    """Ids of every Name read inside ``node``."""
    return {child.id for child in walk_local(node)
            if isinstance(child, ast.Name)}
