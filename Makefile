# deputat_crm — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
DB ?= deputat
TEST_DB ?= deputat_test
PORT ?= 8069
export ODOO_PRELOAD_ADDONS := no
export NODE_PATH := /usr/share/nodejs
export PATH := $(CURDIR)/var/tools/bin:$(PATH)

.PHONY: run setup setup-prod run-prod test test-addon test-platform lint bench i18n readme clean

## make run: set up everything (idempotent) and serve the web client with demo data
run: setup
	@echo ""
	@echo "  deputat_crm: http://127.0.0.1:$(PORT)/web   (database $(DB))"
	@echo "  demo logins (password = login): head (Руководитель аппарата), deputy (Депутат),"
	@echo "                                  lawyer (Юрист), assistant (Помощник депутата), admin/admin"
	@echo ""
	bin/odoo -d $(DB) --http-port=$(PORT)

## make setup-prod: production install (no demo data, generated passwords printed once,
## a dedicated system user, strict file modes); see deputat_crm/readme/SECURITY.md
setup-prod:
	@scripts/setup_prod.sh

## make run-prod: serve the production database as the dedicated system user (behind nginx)
run-prod: setup-prod
	@scripts/setup_prod.sh --serve

## make setup: system packages, venv, PostgreSQL, config and the demo database
setup:
	@DB=$(DB) scripts/setup.sh

## make test: a throwaway database, then the addon's tests and the project's tests/
test: setup
	@scripts/make_db.sh $(TEST_DB) --fresh
	scripts/pytest.sh $(TEST_DB) deputat_crm/tests tests $(PYTEST_ARGS)

## make test-addon: only the addon's tests, in a fresh $(TEST_DB)
test-addon: setup
	@scripts/make_db.sh $(TEST_DB) --fresh
	scripts/pytest.sh $(TEST_DB) deputat_crm/tests $(PYTEST_ARGS)

## make test-platform: Odoo's own base and mail test suites on this runtime
test-platform: setup
	@scripts/test_platform.sh

## make lint: pylint + pylint-odoo with OCA's mandatory checks over the addon (own venv, no set-up)
lint:
	@scripts/lint.sh

## make bench: robot benchmarks (figures beside the goals, nothing asserted; summary at the end)
bench: setup
	@rm -f var/bench-summary.txt
	scripts/make_db.sh appeals_bench
	.venv/bin/python tests/bench/bench_appeal_robots.py appeals_bench
	.venv/bin/python tests/bench/bench_event_robots.py
	.venv/bin/python tests/bench/bench_partner_dedup.py contacts_bench
	@echo "== summary (readme/PERFORMANCE.md) =="
	@cat var/bench-summary.txt

## make i18n: export the addon's terms and merge them into i18n/ru.po
i18n: setup
	@scripts/make_db.sh $(TEST_DB)
	.venv/bin/python scripts/i18n_update.py $(TEST_DB)

## make readme: render deputat_crm/README.rst from the fragments in deputat_crm/readme/
readme:
	.venv/bin/python scripts/gen_readme.py

clean:
	-for db in $(DB) $(TEST_DB) deputat_platform appeals_bench events_bench contacts_bench; do \
	    dropdb --if-exists $$db; done
	rm -rf var
