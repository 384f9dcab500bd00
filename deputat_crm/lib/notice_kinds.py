# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The kinds of notices to applicants and the key of their «notify the applicant» tasks
(issue 13): a sent notice closes only the task of its own kind."""

NOTICE_KINDS = [
    ('acknowledgement', 'Acknowledgement of registration'),
    ('forwarding', 'Forwarding notice'),
    ('extension', 'Extension notice'),
    ('refusal', 'Refusal notice'),
    ('answer', 'Answer to the applicant'),
]


def notice_task_key(kind):
    """``mail.activity.deputat_task_key`` of the notify task of a notice kind («notice:refusal»),
    set by ``deputat.appeal._deputat_notice_task`` and matched when the notice is sent."""
    return 'notice:%s' % kind
