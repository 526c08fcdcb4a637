import dashboard_fixture
import pytest


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory):
    """The synthetic dashboard database (see dashboard_fixture), built once per test session."""
    return dashboard_fixture.build(tmp_path_factory.mktemp("db") / "ogi.duckdb")
