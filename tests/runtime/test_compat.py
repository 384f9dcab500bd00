"""One test per shim of the compatibility layer (compat/odoo_py311): each shows the Python 3.11
behaviour that broke Odoo 11 is covered, on the real Odoo modules."""
import ast
import base64
import collections
import inspect
import sys
import threading

import pytest

import odoo_py311
from odoo_py311 import shims


def test_layer_loaded_at_start_up_by_the_venv():
    # the .pth file of the venv imported it before odoo: all shims ran
    assert sys.version_info[:2] == (3, 11)
    for name in ('collections_abc_aliases', 'inspect_argspec', 'base64_legacy_names',
                 'thread_isalive', 'odoo.tools.safe_eval:safe_eval_opcodes',
                 'odoo.addons.base.ir.ir_qweb.qweb:qweb_compile', 'odoo.service.server:server_setrlimit'):
        assert name in odoo_py311.APPLIED


def test_collections_abc_aliases():
    import odoo.models
    assert collections.Mapping is collections.abc.Mapping
    assert issubclass(odoo.models.BaseModel, collections.abc.Sequence)  # registered via the alias


def test_getargspec_and_formatargspec_for_ormcache():
    def method(self, a, b=None, *args, **kwargs):
        pass
    spec = inspect.getargspec(method)
    assert spec == (['self', 'a', 'b'], 'args', 'kwargs', (None,))
    assert inspect.formatargspec(*spec) == '(self, a, b=None, *args, **kwargs)'

    from odoo.tools import ormcache
    decorator = ormcache('key')

    def cached(self, key, other=1):
        return key * 2
    decorator(cached)  # builds its key function from formatargspec(getargspec(...))
    assert decorator.key(object(), 21) == (21,)
    assert decorator.key(object(), 21, other=5) == (21,)


def test_base64_legacy_names():
    assert base64.decodestring(base64.encodestring(b'\xd0\x94\xd0\xb5')) == 'Де'.encode()


def test_thread_isalive():
    thread = threading.Thread(target=lambda: None)
    thread.start()
    thread.join()
    assert thread.isAlive() is False


@pytest.mark.parametrize('expr, expected', [
    ('1 + 2 * 3', 7),
    ("[x for x in range(5) if x is not None and x in (1, 3)]", [1, 3]),
    ("{'a': 1, **{'b': 2}}", {'a': 1, 'b': 2}),
    ("dict(a=1, b=[1, 2][-1])", {'a': 1, 'b': 2}),
    ("'%s-%s' % ('a', 'b') if True else None", 'a-b'),
    ("[('state', 'not in', ['done', 'cancel'])]", [('state', 'not in', ['done', 'cancel'])]),
])
def test_safe_eval_accepts_311_bytecode(expr, expected):
    from odoo.tools.safe_eval import safe_eval
    assert safe_eval(expr) == expected


def test_safe_eval_exec_mode_with_loops_and_try():
    from odoo.tools.safe_eval import safe_eval
    ctx = {'values': []}
    safe_eval("for i in range(3):\n    values.append(i)\ntry:\n    x = 1 / 0\nexcept Exception:\n    values.append('caught')",
              ctx, mode='exec', nocopy=True)
    assert ctx['values'] == [0, 1, 2, 'caught']


@pytest.mark.parametrize('expr', [
    "__import__('os').system('true')",
    "().__class__.__bases__[0].__subclasses__()",
    "(lambda: 1).__code__.co_code",
    "import os",
])
def test_safe_eval_still_refuses_unsafe_code(expr):
    from odoo.tools.safe_eval import safe_eval
    with pytest.raises(Exception):
        safe_eval(expr, mode='exec' if expr.startswith('import') else 'eval')


def test_safe_eval_not_wider_than_odoo16():
    # nothing outside the 3.11 replacements Odoo 16 also allows; e.g. no STORE_ATTR / IMPORT_NAME
    from opcode import opmap
    module = sys.modules['odoo.tools.safe_eval']
    assert opmap['IMPORT_NAME'] not in module._SAFE_OPCODES
    assert opmap['STORE_ATTR'] not in module._SAFE_OPCODES
    assert opmap['LOAD_DEREF'] not in module._SAFE_OPCODES


def test_qweb_ast_fixer_compiles_python35_style_tree():
    tree = ast.Module(body=[ast.FunctionDef(
        name='fn', args=ast.arguments(args=[ast.arg(arg='x', annotation=None)], vararg=None,
                                      kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]),
        body=[ast.Return(value=ast.Name(id='None', ctx=ast.Load()))], decorator_list=[])],
        type_ignores=[])
    tree.body[0].lineno = 42
    ast.fix_missing_locations(tree)
    with pytest.raises((TypeError, ValueError, SyntaxError)):
        compile(tree, '<template>', 'exec')  # what Odoo 11's QWeb hits on 3.11 without the shim
    from odoo.addons.base.ir.ir_qweb import qweb
    ns = {}
    exec(qweb.compile(tree, '<template>', 'exec'), ns)
    assert ns['fn'](1) is None


def test_qweb_renders_a_template(env):
    view = env['ir.ui.view'].create({
        'name': 'compat probe', 'type': 'qweb',
        'arch': '<t t-name="compat_probe"><p t-foreach="items" t-as="i"><t t-esc="i"/>'
                '<t t-if="i_last"> конец</t></p></t>'})
    html = view.render({'items': ['раз', 'два']})
    assert b'<p>\xd1\x80\xd0\xb0\xd0\xb7</p>' in html  # «раз»
    assert 'два конец'.encode() in html


def test_web_client_templates_with_getchildren():
    from odoo.addons.web.controllers import main
    assert hasattr(main.ElementTree.Element, 'getchildren')
    import xml.etree.ElementTree as stdlib_et
    assert not hasattr(stdlib_et.Element, 'getchildren')  # the rest of the process is untouched
    xml_text, _checksum = main.concat_xml([
        __import__('odoo').modules.get_module_resource('web', 'static', 'src', 'xml', 'base.xml')])
    assert xml_text.startswith(b'<templates')
    assert b't-name="WebClient' in xml_text or b't-name=' in xml_text


def test_server_setrlimit_accepts_floats():
    import resource
    from odoo.service import server
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    server.resource.setrlimit(resource.RLIMIT_CPU, (float(soft) if soft != resource.RLIM_INFINITY else soft, hard))
    with pytest.raises(TypeError):
        resource.setrlimit(resource.RLIMIT_CPU, (1.5, hard))


def test_legacy_finder_warning_silenced():
    import warnings
    assert 'legacy_finder_warning' in odoo_py311.APPLIED
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('default')
        shims.legacy_finder_warning()
        warnings.warn('AddonsHook.find_spec() not found; falling back to find_module()', ImportWarning)
        warnings.warn('SomethingElse.find_spec() not found', ImportWarning)
    assert [str(w.message) for w in caught] == ['SomethingElse.find_spec() not found']


def test_yaml_import_loader():
    import yaml
    import odoo.tools.yaml_import
    yaml_import = sys.modules['odoo.tools.yaml_import']
    assert yaml_import.yaml.load('- a: 1') == [{'a': 1}]
    with pytest.raises(TypeError):
        yaml.load('- a: 1')  # PyYAML 6 without a Loader
