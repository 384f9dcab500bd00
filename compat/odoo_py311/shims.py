"""The shims themselves. Each docstring names the Python change that made it necessary."""
import ast
import base64
import collections
import collections.abc
import importlib.util
import inspect
import sys
import threading
import types

# ---------------------------------------------------------------- stdlib aliases (before odoo)

_ABC_NAMES = ('Callable', 'Container', 'Hashable', 'Iterable', 'Iterator', 'Mapping',
              'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Set', 'Sized')

ArgSpec = collections.namedtuple('ArgSpec', 'args varargs keywords defaults')


def collections_abc_aliases():
    """Python 3.10 removed the ABC aliases from ``collections`` (bpo-37324).
    Odoo 11 uses ``collections.Mapping``, ``collections.Set.register(BaseModel)``, ..."""
    for name in _ABC_NAMES:
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))


def getargspec(func):
    """``inspect.getargspec`` as it was before Python 3.11 removed it (bpo-45320)."""
    spec = inspect.getfullargspec(func)
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def formatargspec(args, varargs=None, varkw=None, defaults=None, *_ignored,
                  formatvalue=lambda value: '=' + repr(value)):
    """``inspect.formatargspec`` (removed in 3.11, bpo-45320), for the argument lists
    that ``odoo.tools.cache`` turns into key functions."""
    specs = []
    first_default = len(args) - len(defaults) if defaults else len(args)
    for index, arg in enumerate(args):
        spec = arg
        if index >= first_default:
            spec += formatvalue(defaults[index - first_default])
        specs.append(spec)
    if varargs is not None:
        specs.append('*' + varargs)
    if varkw is not None:
        specs.append('**' + varkw)
    return '(' + ', '.join(specs) + ')'


def inspect_argspec():
    """Python 3.11 removed ``inspect.getargspec``/``formatargspec``; ``odoo.api``,
    ``odoo.tools.cache`` and ``odoo.http`` import them."""
    if not hasattr(inspect, 'getargspec'):
        inspect.getargspec = getargspec
    if not hasattr(inspect, 'formatargspec'):
        inspect.formatargspec = formatargspec


def base64_legacy_names():
    """Python 3.9 removed ``base64.encodestring``/``decodestring`` (bpo-39351); reports,
    menus and the translation wizards still call them."""
    if not hasattr(base64, 'encodestring'):
        base64.encodestring = base64.encodebytes
    if not hasattr(base64, 'decodestring'):
        base64.decodestring = base64.decodebytes


def thread_isalive():
    """Python 3.9 removed ``Thread.isAlive()`` (bpo-37804); the threaded server's stop()
    calls it."""
    if not hasattr(threading.Thread, 'isAlive'):
        threading.Thread.isAlive = threading.Thread.is_alive


def legacy_finder_warning():
    """Python 3.10 warns (ImportWarning) on every import that passes a ``sys.meta_path`` finder
    without ``find_spec`` (PEP 451); Odoo 11's ``AddonsHook``/``OdooHook`` are such finders and
    Odoo logs each warning. They still work on 3.11: silence exactly that message."""
    import warnings
    warnings.filterwarnings('ignore', category=ImportWarning,
                            message=r'(AddonsHook|OdooHook)\.find_spec\(\) not found')


def apply_stdlib():
    done = []
    for shim in (collections_abc_aliases, inspect_argspec, base64_legacy_names, thread_isalive,
                 legacy_finder_warning):
        shim()
        done.append(shim.__name__)
    return done


# ---------------------------------------------------------------- fixes of single odoo modules

#: opcodes that CPython 3.11 emits for code Odoo 11 already accepted (each one replaces an
#: opcode Odoo 11 allows). All of them are in Odoo 16's own safe_eval lists; nothing else is
#: added, so safe_eval is not widened beyond what Odoo 16 allows.
SAFE_EVAL_311_CONST = ('RESUME', 'COPY', 'SWAP', 'LIST_EXTEND', 'SET_UPDATE', 'NOP')
SAFE_EVAL_311_EXPR = ('BINARY_OP', 'IS_OP', 'CONTAINS_OP', 'DICT_MERGE', 'DICT_UPDATE')
SAFE_EVAL_311_SAFE = (
    'PUSH_NULL', 'PRECALL', 'CALL', 'KW_NAMES',
    'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT',
    'POP_JUMP_FORWARD_IF_FALSE', 'POP_JUMP_FORWARD_IF_TRUE',
    'POP_JUMP_BACKWARD_IF_FALSE', 'POP_JUMP_BACKWARD_IF_TRUE',
    'POP_JUMP_FORWARD_IF_NONE', 'POP_JUMP_BACKWARD_IF_NONE',
    'POP_JUMP_FORWARD_IF_NOT_NONE', 'POP_JUMP_BACKWARD_IF_NOT_NONE',
    'CHECK_EXC_MATCH', 'PUSH_EXC_INFO', 'RERAISE', 'RETURN_GENERATOR',
    'FORMAT_VALUE', 'BUILD_STRING',
)


def safe_eval_opcodes(module):
    """CPython 3.11 changed the bytecode (PEP 659: RESUME, PRECALL/CALL, BINARY_OP,
    COPY/SWAP, POP_JUMP_FORWARD_*...), so ``test_expr`` rejected even ``1 + 1`` and base
    data could not load. Add the 3.11 replacements of the opcodes Odoo 11 already allows."""
    from opcode import opmap

    def codes(names):
        return {opmap[name] for name in names if name in opmap}
    const, expr, safe = codes(SAFE_EVAL_311_CONST), codes(SAFE_EVAL_311_EXPR), codes(SAFE_EVAL_311_SAFE)
    module._CONST_OPCODES.update(const)
    module._EXPR_OPCODES.update(const | expr)
    module._SAFE_OPCODES.update(const | expr | safe)


class _QWebAstFixer(ast.NodeTransformer):
    """Turns the Python 3.5-era AST built by QWeb into one CPython 3.11 compiles."""

    _CONSTANTS = {'None': None, 'True': True, 'False': False}

    def visit_arguments(self, node):
        # Python 3.8 added ``posonlyargs`` (PEP 570) as a required field.
        if not hasattr(node, 'posonlyargs'):
            node.posonlyargs = []
        return self.generic_visit(node)

    def visit_Name(self, node):
        # Python 3.4+ compiles None/True/False only as constants (``Name('None')`` is rejected).
        if node.id in self._CONSTANTS and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(self._CONSTANTS[node.id]), node)
        return node


def _fix_locations(tree):
    """Python 3.8 added ``end_lineno``/``end_col_offset``; QWeb sets ``lineno`` to the XML
    source line on some nodes only, so children end up with end positions before their start,
    which 3.11's compiler rejects. Keep each node's start and make its end consistent."""
    for node in ast.walk(tree):
        if 'lineno' not in node._attributes:
            continue
        lineno = getattr(node, 'lineno', None) or 1
        col = getattr(node, 'col_offset', None) or 0
        node.lineno, node.col_offset = lineno, col
        node.end_lineno, node.end_col_offset = lineno, col
    return tree


def qweb_compile(module):
    """QWeb builds AST nodes the 3.11 compiler rejects (``ast.arguments`` without
    ``posonlyargs``, ``Name('None')``, inconsistent end positions), which broke
    ``message_post_with_view``, activity feedback and every report. ``QWeb.compile`` calls the
    builtin ``compile`` on that tree; give the module a ``compile`` that fixes the tree first."""
    builtin_compile = compile

    def compile_fixed(source, filename, mode, *args, **kwargs):
        if isinstance(source, ast.AST):
            source = _fix_locations(_QWebAstFixer().visit(source))
        return builtin_compile(source, filename, mode, *args, **kwargs)
    module.compile = compile_fixed


def _element_tree_with_getchildren():
    spec = importlib.util.find_spec('xml.etree.ElementTree')
    blocked = sys.modules.get('_elementtree', False)
    sys.modules['_elementtree'] = None  # load the pure-Python Element class, which we may extend
    try:
        private = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(private)
    finally:
        if blocked is False:
            del sys.modules['_elementtree']
        else:
            sys.modules['_elementtree'] = blocked
    private.Element.getchildren = lambda self: list(self)
    return private


def web_controllers_elementtree(module):
    """Python 3.9 removed ``Element.getchildren()`` from ``xml.etree`` (bpo-36543);
    ``web.controllers.main.concat_xml`` calls it, so ``/web/webclient/qweb`` answered 500 and
    the web client stayed blank. Give that module a private pure-Python ElementTree whose
    Element has ``getchildren``; the rest of the process keeps the C implementation."""
    module.ElementTree = _element_tree_with_getchildren()


def server_setrlimit(module):
    """Python 3.10 made ``resource.setrlimit`` reject floats (bpo-37999: no more implicit
    ``__int__``); the prefork server passes ``cpu_time + limit_time_cpu`` (a float), so
    workers crash-looped under ``--workers``. Give ``odoo.service.server`` a ``resource``
    whose ``setrlimit`` rounds the limits to int."""
    import resource

    def setrlimit(which, limits):
        soft, hard = limits
        return resource.setrlimit(which, (int(soft), int(hard)))
    module.resource = types.SimpleNamespace(**{
        name: getattr(resource, name) for name in dir(resource) if not name.startswith('__')})
    module.resource.setrlimit = setrlimit


def yaml_import_loader(module):
    """PyYAML 6 made the ``Loader`` argument of ``yaml.load`` mandatory; ``odoo.tools.
    yaml_import`` (YAML tests and data of some addons) calls ``yaml.load(text)``. Give that
    module a ``yaml`` whose ``load`` uses ``yaml.Loader``, where Odoo registers its tags."""
    import yaml
    proxy = types.SimpleNamespace(**{name: getattr(yaml, name) for name in dir(yaml)
                                     if not name.startswith('__')})
    proxy.load = lambda stream, Loader=yaml.Loader: yaml.load(stream, Loader=Loader)
    module.yaml = proxy


POST_IMPORT = {
    'odoo.tools.safe_eval': [safe_eval_opcodes],
    'odoo.addons.base.ir.ir_qweb.qweb': [qweb_compile],
    'odoo.addons.web.controllers.main': [web_controllers_elementtree],
    'odoo.service.server': [server_setrlimit],
    'odoo.tools.yaml_import': [yaml_import_loader],
}
