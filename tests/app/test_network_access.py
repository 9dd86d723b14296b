"""Access per network (issue 11, §1-2): each network's secretariat uploads, rolls back and
records decisions for its own network only; the regional role sees every network and updates
none unless granted; the secretariat's credential keeps meaning every network. A refusal is
said plainly and nothing is stored; tested by URL (a deep link with ``?plan=`` of another
network) and through the navigation (the log-in, the plan selector, the page list).

The store holds two networks built by code (tests/plansheet.py): Red A (2023-2024) and Red B
(2025-2026; the default plan today). Credentials come from AppTest's own secrets, never from
the developer's (tests/conftest.py).
"""

from __future__ import annotations

import pandas as pd
import pytest
from apphelpers import ENTRY, plain
from planfactory import make_plan, product, report
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook
from streamlit.testing.v1 import AppTest

from planmonitor import model, store
from planmonitor.i18n import t
from planmonitor.ui import auth, plans

A_ID, B_ID = "red-a-2023-2024", "red-b-2025-2026"
UPLOAD, HISTORY, DECISIONS, LOGIN = (
    "pages/actualizar.py", "pages/historial.py", "pages/decisiones.py", "pages/secretaria.py",
)  # fmt: skip
UPLOADER = "_pm_upload_file_0"
SECRETS = {
    "planmonitor": {
        "secretariat_passwords": ["sara:clave-de-todas"],
        "regional_passwords": ["rita:clave-regional", "gabi:clave-con-permiso"],
        "networks": {
            "red-a": {"passwords": ["ana:clave-de-a"]},
            "red-b": {"passwords": ["beto:clave-de-b", "gabi:clave-con-permiso"]},
        },
    }
}


def network_plan(pid: str, network: str, nid: str, start: str, end: str) -> model.Plan:
    year = start[:4]
    products = [
        product("2.1.1-1", "Observatorio", leads=["PNUD"], start=f"{year}-02-01"),
        product("2.2.1-1", "Campaña", start=f"{year}-03-01", end=end),
    ]
    progress = [report(f"{year}-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM")]
    info = plan_info(
        pid, start, end, title=f"Plan de {network}", network=network, network_id=nid,
        network_en=network.replace("Red", "Network"), country=f"País {nid[-1].upper()}",
    )  # fmt: skip
    return with_info(make_plan(products, progress), info)


PLAN_A = network_plan(A_ID, "Red A", "red-a", "2023-01-01", "2024-12-31")
PLAN_B = network_plan(B_ID, "Red B", "red-b", "2025-01-01", "2026-12-31")


def progress_update(plan: model.Plan, comment: str) -> bytes:
    """The plan's workbook (with its «Plan» sheet) plus one progress report."""
    extra = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp(plan.info.start) + pd.Timedelta(days=200), comment=comment)
        .astype(plan.progress.dtypes.to_dict())
    )
    new = model.Plan(
        **{**plan.__dict__, "progress": pd.concat([plan.progress, extra], ignore_index=True)}
    )
    return plans_workbook(new)


@pytest.fixture
def region(tmp_path, monkeypatch, request):
    """A store of two networks (never seeded: it holds plans)."""
    request.getfixturevalue("reading_plan_sheets")
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'region.sqlite'}")
    for name in (auth.ENV_PASSWORDS, auth.ENV_VIEWER, auth.ENV_EMAILS):
        monkeypatch.delenv(name, raising=False)
    s = store.open_store(seed=False)
    for p, name in ((PLAN_A, "a.xlsx"), (PLAN_B, "b.xlsx")):
        assert s.commit(plans_workbook(p), name, author="carga").stored
    yield s
    s.dispose()


@pytest.fixture
def single(tmp_path, monkeypatch, request):
    """A store of one network (Red A) with the same configuration."""
    request.getfixturevalue("reading_plan_sheets")
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'single.sqlite'}")
    for name in (auth.ENV_PASSWORDS, auth.ENV_VIEWER, auth.ENV_EMAILS):
        monkeypatch.delenv(name, raising=False)
    s = store.open_store(seed=False)
    assert s.commit(plans_workbook(PLAN_A), "a.xlsx", author="carga").stored
    yield s
    s.dispose()


def app(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.secrets.update(SECRETS)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at


def clean(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def log_in(at: AppTest, name: str, password: str) -> AppTest:
    """Through the navigation: the log-in page, its form, and where it lands."""
    clean(at.run())
    clean(at.switch_page(LOGIN).run())
    at.text_input(key="_pm_login_name").input(name)
    at.text_input(key="_pm_login_password").input(password)
    next(b for b in at.button if "Entrar" in b.label or "Log in" in b.label).click()
    clean(at.run())
    # where it landed is the upload page; a browser's URL now says so, AppTest must be told
    assert [x.value for x in at.title] == [t("page.upload", "es")]
    at.switch_page(UPLOAD)
    return at


def as_session(name: str, writes, params=None, regional=False) -> AppTest:
    """A session logged in with that access, before its first run (the URL's way in)."""
    at = app(params)
    at.session_state["_pm_secretariat_user"] = name
    at.session_state["_pm_secretariat_access"] = {"writes": writes, "regional": regional}
    return at


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def refusal(what: str, network: str, writes: str, lang: str = "es") -> str:
    return plain(t(f"access.refused.{what}", lang, network=network, writes=writes))


def versions(s, plan_id: str) -> list[int]:
    return s.for_plan(plan_id).versions()["id"].tolist()


# --------------------------------------------------------------------------------------------
# The rules, on their own
# --------------------------------------------------------------------------------------------
def config() -> auth.AccessConfig:
    creds = auth.parse_credentials
    return auth.AccessConfig(
        secretariat=tuple(creds(["sara:todas"])),
        regional=tuple(creds(["rita:regional", "gabi:permiso"])),
        networks=(
            ("red-a", tuple(creds(["ana:a"]))),
            ("red-b", tuple(creds(["beto:b", "gabi:permiso"]))),
        ),
        secretariat_emails=frozenset({"sara@x.org"}),
        regional_emails=frozenset({"rita@x.org", "gabi@x.org"}),
        network_emails=(("red-b", frozenset({"beto@x.org", "gabi@x.org"})),),
    )


@pytest.mark.parametrize(
    ("name", "password", "expected"),
    [
        ("sara", "todas", auth.Access("sara", None)),  # the secretariat: every network
        ("ana", "a", auth.Access("ana", frozenset({"red-a"}))),
        ("BETO", "b", auth.Access("beto", frozenset({"red-b"}))),
        ("rita", "regional", auth.Access("rita", frozenset(), regional=True)),  # updates none
        ("gabi", "permiso", auth.Access("gabi", frozenset({"red-b"}), regional=True)),  # granted
        ("ana", "b", None),  # another person's password
        ("nadie", "a", None),
    ],
)
def test_a_credential_gives_its_networks(name, password, expected):
    assert auth.resolve_access(config(), name, password) == expected


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("Sara@x.org", auth.Access("S", None)),
        ("beto@x.org", auth.Access("S", frozenset({"red-b"}))),
        ("rita@x.org", auth.Access("S", frozenset(), regional=True)),
        ("gabi@x.org", auth.Access("S", frozenset({"red-b"}), regional=True)),
        ("otro@x.org", None),
        ("", None),
    ],
)
def test_an_oidc_email_gives_its_networks(email, expected):
    assert auth.resolve_email(config(), email, "S") == expected


def test_access_may_write_its_networks_only():
    assert auth.Access("s").may_write("cualquiera")
    assert auth.Access("a", frozenset({"red-a"})).may_write("red-a")
    assert not auth.Access("a", frozenset({"red-a"})).may_write("red-b")
    assert not auth.Access("r", frozenset(), regional=True).may_write("red-a")


def test_the_store_refuses_a_file_of_another_network_whole(region):
    before = {p: versions(region, p) for p in (A_ID, B_ID)}
    data = progress_update(PLAN_B, "Informe de B")
    result = region.commit(data, "b2.xlsx", author="ana", plan_id=A_ID, networks={"red-a"})
    assert not result.stored and result.refused_networks == ("red-b",)
    assert "red-b" in result.message("es") and "nothing was stored" in result.message("en")
    new_c = network_plan("red-c-2025-2026", "Red C", "red-c", "2025-01-01", "2026-12-31")
    created = region.commit(plans_workbook(new_c), "c.xlsx", author="ana", networks={"red-a"})
    assert created.refused_networks == ("red-c",)
    assert region.plan_ids() == [A_ID, B_ID]
    assert {p: versions(region, p) for p in (A_ID, B_ID)} == before
    ok = region.commit(data, "b2.xlsx", author="beto", networks={"red-b"})
    assert ok.stored and len(versions(region, B_ID)) == len(before[B_ID]) + 1


# --------------------------------------------------------------------------------------------
# By URL: a deep link to another network's page
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_deep_link_to_another_networks_upload_page_is_refused(region, lang):
    params = {"plan": B_ID} | ({"lang": "en"} if lang == "en" else {})
    at = clean(as_session("ana", ["red-a"], params).run())
    clean(at.switch_page(UPLOAD).run())
    network = "Network B" if lang == "en" else "Red B"
    writes = t("access.writes", lang, networks="Network A" if lang == "en" else "Red A")
    assert errors(at) == [refusal("upload", network, writes, lang)]
    assert [x.value for x in at.title] == [t("page.upload", lang)]
    assert not at.file_uploader  # nothing of the flow
    assert not [b for b in at.button if (b.key or "").startswith("_pm_upload")]


def test_a_deep_link_to_another_networks_history_shows_it_but_restores_nothing(region):
    assert region.for_plan(B_ID).rollback(versions(region, B_ID)[0], author="beto") is not None
    at = clean(as_session("ana", ["red-a"], {"plan": B_ID}).run())
    clean(at.switch_page(HISTORY).run())
    writes = t("access.writes", "es", networks="Red A")
    assert [plain(w.value) for w in at.warning] == [refusal("rollback", "Red B", writes)]
    assert at.dataframe  # the versions are listed
    assert not [b for b in at.button if (b.key or "").startswith("_pm_history_rollback")]
    assert not [s for s in at.selectbox if s.key == "_pm_history_target"]


def test_a_deep_link_to_another_networks_decisions_records_nothing(region):
    at = clean(as_session("ana", ["red-a"], {"plan": B_ID}).run())
    clean(at.switch_page(DECISIONS).run())
    writes = t("access.writes", "es", networks="Red A")
    assert [plain(w.value) for w in at.warning] == [refusal("decisions", "Red B", writes)]
    assert not [b for b in at.button if (b.key or "").startswith("_pm_d_")]
    assert not at.text_area
    own = clean(as_session("ana", ["red-a"], {"plan": A_ID}).run())
    clean(own.switch_page(DECISIONS).run())
    assert not own.warning and [a.key for a in own.text_area] == ["_pm_d_text"]


# --------------------------------------------------------------------------------------------
# Through the navigation
# --------------------------------------------------------------------------------------------
def test_a_network_secretariat_lands_refused_on_another_network_then_uploads_its_own(region):
    before_b = versions(region, B_ID)
    at = log_in(app(), "ana", "clave-de-a")
    assert at.session_state["_pm_secretariat_user"] == "ana"
    # the log-in lands on the upload page of the default plan (Red B's, whose period is today)
    assert [x.value for x in at.title] == [t("page.upload", "es")]
    assert errors(at) == [refusal("upload", "Red B", t("access.writes", "es", networks="Red A"))]
    assert not at.file_uploader
    # the plan selector: Red A's plan; the same page now offers the upload
    box = next(s for s in at.sidebar.selectbox if s.key == plans.WIDGET)
    clean(box.set_value(A_ID).run())
    assert [x.value for x in at.title] == [t("page.upload", "es")]
    assert not at.error and at.file_uploader
    # a workbook of Red B's plan (its «Plan» sheet routes it there) is refused before confirm
    at.file_uploader(key=UPLOADER).upload("b.xlsx", progress_update(PLAN_B, "Intruso")).run()
    clean(at)
    writes = t("access.writes", "es", networks="Red A")
    assert refusal("file", "Red B", writes) in errors(at)
    assert not [b for b in at.button if b.key == "_pm_upload_confirm"]
    assert versions(region, B_ID) == before_b
    # its own plan's update is stored
    at = log_in(app({"plan": A_ID}), "ana", "clave-de-a")
    assert not at.error, (errors(at), at.session_state[plans.WIDGET])
    at.file_uploader(key=UPLOADER).upload("a.xlsx", progress_update(PLAN_A, "Informe A")).run()
    next(b for b in clean(at).button if b.key == "_pm_upload_confirm").click().run()
    clean(at)
    assert "Informe A" in set(region.for_plan(A_ID).plan().progress["comment"])
    assert versions(region, B_ID) == before_b


def test_the_regional_role_sees_every_network_and_updates_none(region):
    at = log_in(app(), "rita", "clave-regional")
    assert errors(at) == [refusal("upload", "Red B", t("access.writes_none", "es"))]
    box = next(s for s in at.sidebar.selectbox if s.key == plans.WIDGET)
    assert box.options == [plans.label(r, "es") for r in region.plans().to_dict("records")]
    clean(box.set_value(A_ID).run())
    assert errors(at) == [refusal("upload", "Red A", t("access.writes_none", "es"))]
    clean(at.switch_page(LOGIN).run())
    assert [plain(c.value) for c in at.main.caption] == [t("access.writes_none", "es")]


def test_a_regional_role_granted_a_network_updates_that_network(region):
    at = log_in(app(), "gabi", "clave-con-permiso")
    assert not at.error and at.file_uploader  # Red B's plan, granted
    clean(at.switch_page(LOGIN).run())
    assert [plain(c.value) for c in at.main.caption] == [t("access.writes", "es", networks="Red B")]


@pytest.mark.parametrize("plan_id", [A_ID, B_ID])
def test_the_secretariat_credential_still_means_every_network(region, plan_id):
    at = log_in(app({"plan": plan_id}), "sara", "clave-de-todas")
    assert not at.error and at.file_uploader
    clean(at.switch_page(HISTORY).run())
    assert not at.warning
    clean(at.switch_page(LOGIN).run())
    assert [plain(c.value) for c in at.main.caption] == [t("access.writes_all", "es")]


# --------------------------------------------------------------------------------------------
# One network: exactly as before
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "password"), [("ana", "clave-de-a"), ("sara", "clave-de-todas")])
def test_a_single_network_deployment_shows_no_regional_chrome(single, name, password):
    at = log_in(app(), name, password)
    assert not [s for s in at.sidebar.selectbox if s.key == plans.WIDGET]
    assert "plan" not in at.query_params
    assert not at.error and at.file_uploader
    clean(at.switch_page(LOGIN).run())
    assert not at.main.caption  # no «Puede actualizar …»
    assert [plain(s.value) for s in at.success] == [plain(t("auth.logged_as", "es", name=name))]
