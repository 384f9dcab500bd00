"""Real wkhtmltopdf (0.12.4 with patched Qt, installed by the set-up) renders a QWeb PDF over two
records with the company header and footer, Cyrillic included."""
import shutil
import subprocess

import pytest


def pdf_pages_text(pdf_bytes, tmp_path):
    path = tmp_path / 'report.pdf'
    path.write_bytes(pdf_bytes)
    pages = []
    page = 1
    while True:
        out = subprocess.run(['pdftotext', '-layout', '-f', str(page), '-l', str(page), str(path), '-'],
                             capture_output=True, text=True)
        if out.returncode != 0:
            break
        pages.append(out.stdout)
        page += 1
    return pages


def test_wkhtmltopdf_is_the_patched_qt_build(env):
    binary = shutil.which('wkhtmltopdf')
    assert binary and binary.endswith('var/tools/bin/wkhtmltopdf')
    out = subprocess.run([binary, '--version'], capture_output=True, text=True).stdout
    assert 'patched qt' in out
    assert env['ir.actions.report'].get_wkhtmltopdf_state() == 'ok'


def test_report_style_bundle_compiles(env):
    """Odoo 11 links website.snippets.less in the report bundle; without our view dropping it the
    whole bundle fails to compile (lessc) and every PDF comes out unstyled."""
    from odoo.addons.base.ir.ir_qweb.assetsbundle import AssetsBundle
    files, _remains = env['ir.qweb']._get_asset_content('web.report_assets_common', {})
    urls = [f['url'] for f in files]
    assert '/web/static/src/less/report.less' in urls
    assert not [u for u in urls if 'website.snippets' in u]
    bundle = AssetsBundle('web.report_assets_common', files, env=env)
    css = bundle.preprocess_css()  # runs lessc over the whole bundle
    assert not bundle.css_errors, bundle.css_errors
    assert '.o_report_layout_boxed' in css and 'font-awesome' in css.lower() or 'FontAwesome' in css
    assert len(css) > 50000  # bootstrap is in


@pytest.fixture
def report_url(server, registry):
    """wkhtmltopdf loads the report's CSS from the server (report.url): serve the test database
    and make sure the report bundles exist in committed state, as after the first print in
    production. Without reachable CSS, wkhtmltopdf silently drops the header."""
    import odoo
    from odoo.addons.base.ir.ir_qweb.assetsbundle import AssetsBundle
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        for xmlid in ('web.report_assets_common', 'web.report_assets_pdf'):
            files, _remains = env['ir.qweb']._get_asset_content(xmlid, {})
            AssetsBundle(xmlid, files, env=env).css()
        cr.commit()
    return server


def test_pdf_over_two_records_with_header_and_footer(env, tmp_path, report_url):
    env['ir.config_parameter'].set_param('report.url', report_url)
    company = env.user.company_id
    company.write({'report_header': 'Приёмная депутата Иванова', 'phone': '+7 495 123-45-67',
                   'email': 'priemnaya@deputat.example'})
    partners = (env['res.partner'].create({'name': 'Соколова Мария Петровна'})
                | env['res.partner'].create({'name': 'Васильев Пётр Ильич'}))
    view = env['ir.ui.view'].create({
        'name': 'deputat_crm.test_partner_card', 'type': 'qweb', 'key': 'deputat_crm.test_partner_card',
        'arch': '''<t t-name="deputat_crm.test_partner_card"><t t-call="web.html_container">
            <t t-foreach="docs" t-as="o"><t t-call="web.external_layout"><div class="page">
              <h2>Карточка: <span t-field="o.name"/></h2></div></t></t></t></t>'''})
    env['ir.model.data'].create({'module': 'deputat_crm', 'name': 'test_partner_card',
                                 'model': 'ir.ui.view', 'res_id': view.id})
    report = env['ir.actions.report'].create({
        'name': 'Partner card', 'model': 'res.partner', 'report_type': 'qweb-pdf',
        'report_name': view.key})
    pdf, fmt = report.render_qweb_pdf(partners.ids)
    assert fmt == 'pdf' and pdf.startswith(b'%PDF') and len(pdf) > 5000
    pages = pdf_pages_text(pdf, tmp_path)
    assert len(pages) == 2
    for page, name in zip(pages, ['Соколова Мария Петровна', 'Васильев Пётр Ильич']):
        assert 'Карточка: ' + name in page                 # body
        assert 'Приёмная депутата Иванова' in page         # header (company tagline)
        assert 'priemnaya@deputat.example' in page          # footer
        assert 'Page: 1 / 1' in page or 'Стр' in page       # footer page counter (patched Qt)
