"""Walks a script function and lists its operations with their guards.

The script's own helper functions are followed from their call sites, so a
helper called under a guard is guarded.
"""
import ast
import dataclasses

from nova_like.migration.lint import astutil
from nova_like.migration.lint import guards
from nova_like.migration.lint import operations
from nova_like.migration.lint import scope as scope_mod


def extract(tree, function_name='upgrade'):
    """Operations of ``function_name`` and the helpers it calls, in order."""
    extractor = _Extractor(tree)
    extractor.function(function_name, frozenset())
    return sorted(extractor.found.values(),
                  key=lambda op: (op.line, op.kind))


class _Extractor(object):

    def __init__(self, tree):
        self.functions = astutil.module_functions(tree)
        self.helpers = guards.helper_kinds(self.functions)
        self.constants = astutil.module_strings(tree)
        self.found = {}
        self._seen = set()
        self._scopes = {}

    def function(self, name, active):
        function = self.functions.get(name)
        if function is None or (name, active) in self._seen:
            return
        self._seen.add((name, active))
        if name not in self._scopes:
            self._scopes[name] = scope_mod.Scope(function, self.helpers,
                                                 self.constants)
        self._block(function.body, active, self._scopes[name])

    def _block(self, statements, active, scope):
        for statement in statements:
            active = self._statement(statement, active, scope)

    def _statement(self, node, active, scope):
        """Visit one statement; return the guards active after it."""
        if isinstance(node, (ast.If, ast.While)):
            kinds = scope.probes.kinds(node.test)
            self._expressions(node.test, active, scope)
            self._block(node.body, active | kinds, scope)
            self._block(node.orelse, active | kinds, scope)
            # `if hasattr(t.c, 'x'): return` guards what follows.
            if kinds and (guards.exits(node.body) or
                          guards.exits(node.orelse)):
                return active | kinds
        elif isinstance(node, ast.For):
            self._expressions(node.iter, active, scope)
            kinds = scope.probes.kinds(node.iter)
            self._block(node.body, active | kinds, scope)
            self._block(node.orelse, active, scope)
            if kinds and guards.exits(node.body):
                return active | kinds
        elif isinstance(node, ast.Try):
            self._block(node.body, active | guards.try_kinds(node), scope)
            for part in [h.body for h in node.handlers] + [
                    node.orelse, node.finalbody]:
                self._block(part, active, scope)
        elif isinstance(node, ast.With):
            for item in node.items:
                self._expressions(item.context_expr, active, scope)
            self._block(node.body, active, scope)
        elif not isinstance(node, (ast.FunctionDef, ast.ClassDef,
                                   ast.AsyncFunctionDef)):
            self._expressions(node, active, scope)
            # Rows collected under a guard carry it: `for r in wanted: if
            # r in existing: continue; rows.append(r)`, then `if rows:`.
            scope.probes.mark(astutil.bound_by(node), active)
        return active

    def _expressions(self, node, active, scope):
        for child in astutil.walk_local(node):
            if not isinstance(child, ast.Call):
                continue
            for operation in operations.classify(child, scope):
                self._add(dataclasses.replace(operation, guards=active))
            if isinstance(child.func, ast.Name) and child.func.id not in (
                    'upgrade', 'downgrade'):
                self.function(child.func.id, active)

    def _add(self, operation):
        # A helper called from several places is as guarded as its least
        # guarded call.
        key = (operation.line, operation.kind, operation.target,
               operation.sql)
        known = self.found.get(key)
        if known is not None:
            operation = dataclasses.replace(
                operation, guards=known.guards & operation.guards)
        self.found[key] = operation
