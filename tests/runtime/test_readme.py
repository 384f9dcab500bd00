"""deputat_crm/README.rst is generated from the fragments in deputat_crm/readme/ by
scripts/gen_readme.py (`make readme`): it must be up to date and valid reStructuredText."""
import io
import os
import subprocess
import sys

import docutils.core
import docutils.utils

from ..conftest import ROOT

SCRIPT = os.path.join(ROOT, 'scripts', 'gen_readme.py')
README = os.path.join(ROOT, 'deputat_crm', 'README.rst')


def _read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def test_readme_is_generated_from_the_fragments(tmp_path):
    output = tmp_path / 'README.rst'
    result = subprocess.run([sys.executable, SCRIPT, '-o', str(output)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True)
    assert result.returncode == 0, result.stderr
    assert _read(str(output)) == _read(README), \
        'deputat_crm/README.rst is stale: run `make readme` and keep the result'


def test_readme_is_valid_rst_without_warnings():
    warnings = io.StringIO()
    try:
        html = docutils.core.publish_string(
            _read(README), source_path=README, writer_name='html5',
            settings_overrides={'halt_level': 2, 'report_level': 2, 'warning_stream': warnings,
                                'output_encoding': 'unicode'})
    except docutils.utils.SystemMessage as exc:
        raise AssertionError('README.rst: %s' % exc)
    assert not warnings.getvalue(), warnings.getvalue()
    # the title block and the table of contents are there
    assert 'CRM «Депутат»' in html and 'class="contents' in html
