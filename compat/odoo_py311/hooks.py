"""A ``sys.meta_path`` finder that runs a function right after a named module is executed."""
import importlib.abc
import sys


class _HookedLoader(importlib.abc.Loader):
    def __init__(self, loader, hooks, applied):
        self._loader = loader
        self._hooks = hooks
        self._applied = applied

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        for hook in self._hooks:
            hook(module)
            self._applied.append('%s:%s' % (module.__name__, hook.__name__))

    def __getattr__(self, name):  # get_source, get_code, ... for tracebacks and coverage
        return getattr(self._loader, name)


class PostImportFinder(importlib.abc.MetaPathFinder):
    def __init__(self, hooks, applied):
        self.hooks = hooks
        self.applied = applied

    def find_spec(self, fullname, path, target=None):
        hooks = self.hooks.get(fullname)
        if not hooks:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None:
            spec.loader = _HookedLoader(spec.loader, hooks, self.applied)
        return spec


def install(hooks, applied):
    """Register ``hooks`` ({module name: [callable(module)]}); fix modules already imported."""
    for name, funcs in hooks.items():
        module = sys.modules.get(name)
        if module is not None:
            for func in funcs:
                func(module)
                applied.append('%s:%s' % (name, func.__name__))
    sys.meta_path.insert(0, PostImportFinder(hooks, applied))
