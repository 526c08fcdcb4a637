import dashboard_fixture
import pytest


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory):
    """The synthetic dashboard database (see dashboard_fixture), built once per test session."""
    return dashboard_fixture.build(tmp_path_factory.mktemp("db") / "ogi.duckdb")


@pytest.fixture
def app_env(fixture_db, tmp_path, monkeypatch):
    """The dashboard pointed at the fixture database, uploads in a temporary folder."""
    monkeypatch.setenv("OGI_DB", str(fixture_db))
    monkeypatch.setenv("OGI_UPLOADS", str(tmp_path / "uploads"))
    return fixture_db


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory):
    """The dashboard database with an agency whose name and evidence attack the pages."""
    specs = dashboard_fixture.SPECS + dashboard_fixture.HOSTILE_SPECS
    return dashboard_fixture.build(tmp_path_factory.mktemp("hostile") / "ogi.duckdb", specs)


@pytest.fixture(autouse=True)
def navigation_mode_as_on_a_server(monkeypatch):
    """AppTest resets Streamlit's "pages/ folder" flag before every run, which a server never does
    once app.py has called st.navigation; without this, reruns would skip app.py's sidebar."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.pages_manager import PagesManager

    class NavigationPagesManager(PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    monkeypatch.setattr(app_test, "PagesManager", NavigationPagesManager)


@pytest.fixture(autouse=True)
def server_on_this_computer_only():
    """The app decides who may write from the address the server listens on; AppTest has no server,
    so it is given the address `ogi dashboard` binds by default."""
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)
