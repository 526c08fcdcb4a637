"""Safe by default: `ogi dashboard` listens on this computer only unless told otherwise, stops its
Streamlit server with it, and a dashboard open to a network changes the database only for a token."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dashboard_fixture as fx
import pytest
from streamlit import config
from test_app_pages import assert_clean, open_page, zh
from test_browser import free_port

from metrics.dashboard import access

ROOT = Path(__file__).resolve().parent.parent
LISTEN = "0A"  # the TCP state of a listening socket in /proc/net/tcp


def listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as the kernel prints them) of sockets listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == LISTEN and int(hex_port, 16) == port:
                found.add(address)
    return found


def wait_until_serving(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                return
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, "the dashboard did not start"
            time.sleep(0.3)


def group_is_gone(pgid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


LOOPBACK_V4, LOOPBACK_V6 = "0100007F", "00000000000000000000000001000000"
ANY_V4 = "00000000"


@pytest.mark.parametrize(
    ("host", "stop_signal"),
    [(None, signal.SIGTERM), ("0.0.0.0", signal.SIGINT)],
    ids=["default host, SIGTERM", "0.0.0.0, SIGINT"],
)
def test_ogi_dashboard_binds_where_told_and_its_server_stops_with_it(fixture_db, host, stop_signal):
    port = free_port()
    command = [sys.executable, "-m", "metrics", "dashboard", "--db", str(fixture_db), "--port", str(port)]
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        command + (["--host", host] if host else []),
        env=env,
        start_new_session=True,  # its own process group: the server can be found and cleaned up
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_serving(f"http://127.0.0.1:{port}", proc)
        addresses = listening_addresses(port)
        if host is None:
            assert addresses and addresses <= {LOOPBACK_V4, LOOPBACK_V6}, addresses
        else:
            assert ANY_V4 in addresses
        proc.send_signal(stop_signal)
        proc.wait(timeout=30)
        assert group_is_gone(proc.pid, 15), "the Streamlit server outlived `ogi dashboard`"
    finally:
        if not group_is_gone(proc.pid, 0.1):
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture
def exposed(tmp_path, monkeypatch):
    """The app as a server listening on every interface would run it."""
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.delenv(access.TOKEN_ENV, raising=False)
    monkeypatch.setenv("OGI_UPLOADS", str(tmp_path / "uploads"))


def test_an_exposed_dashboard_without_a_token_turns_database_changes_off(exposed, tmp_path, monkeypatch):
    revised = fx.Spec(
        "上海市公安局", "上海市", "province_department", "公安局", 2021, "std2021", 7, copy="-r"
    )
    monkeypatch.setenv("OGI_DB", str(fx.build(tmp_path / "ogi.duckdb", fx.SPECS + (revised,))))
    at = open_page("pages/upload.py")
    assert_clean(at)
    assert not at.get("file_uploader")
    assert at.info[0].value == zh("writes_off_exposed", env=access.TOKEN_ENV)

    at.switch_page("pages/quality.py").run()
    assert_clean(at)
    assert not [b for b in at.button if b.key == "versions_apply"], "nor can a version be chosen"


def test_an_exposed_dashboard_uploads_only_after_the_right_token(exposed, fixture_db, monkeypatch):
    monkeypatch.setenv("OGI_DB", str(fixture_db))
    monkeypatch.setenv(access.TOKEN_ENV, "s3cret-令牌")
    at = open_page("pages/upload.py")
    assert_clean(at)
    assert not at.get("file_uploader")

    at.text_input(key="upload_token").input("guess").run()
    assert not at.get("file_uploader")
    assert at.error[0].value == zh("writes_token_wrong")

    at.text_input(key="upload_token").input("s3cret-令牌").run()
    assert_clean(at)
    assert at.get("file_uploader")
