"""The classroom server's plan: who may connect, and how its kernels are kept and culled.

The server itself is driven in tests/browser/test_classroom_browser.py; these check the parts a
browser on loopback cannot reach: the class-network mode and the command's own errors.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from explainer import classroom

NOTEBOOK = Path("notebooks/korea-us-consultations.ipynb")


def test_on_this_machine_the_host_header_is_checked_and_no_token_is_needed():
    plan = classroom.plan(NOTEBOOK, 30, "127.0.0.1", 8866)
    settings = plan.config["Voila"]["tornado_settings"]
    assert settings["allow_remote_access"] is False
    assert "--Voila.token=" in plan.argv
    assert plan.url == "http://127.0.0.1:8866/"


def test_on_the_class_network_every_link_carries_a_fresh_token():
    first = classroom.plan(NOTEBOOK, 30, "192.168.1.20", 8866)
    second = classroom.plan(NOTEBOOK, 30, "192.168.1.20", 8866)
    (token,) = parse_qs(urlsplit(first.url).query)["token"]
    assert urlsplit(first.url).netloc == "192.168.1.20:8866"
    assert f"--Voila.token={token}" in first.argv
    assert len(token) >= 16 and token not in second.url
    assert "--Voila.ip=192.168.1.20" in first.argv  # that address only, not every interface


def test_a_token_can_be_asked_for_on_this_machine_too():
    plan = classroom.plan(NOTEBOOK, 30, "127.0.0.1", 8866, token=True)
    (token,) = parse_qs(urlsplit(plan.url).query)["token"]
    assert f"--Voila.token={token}" in plan.argv
    assert plan.config["Voila"]["tornado_settings"]["allow_remote_access"] is False


def test_one_preheated_kernel_per_student_and_closed_pages_culled():
    config = classroom.plan(NOTEBOOK, 12, "127.0.0.1", 8866).config
    assert config["VoilaConfiguration"]["preheat_kernel"] is True
    assert config["VoilaConfiguration"]["default_pool_size"] == 12
    culling = config["MappingKernelManager"]
    assert culling["cull_connected"] is False  # a page still open keeps its kernel
    assert culling["cull_idle_timeout"] + culling["cull_interval"] <= 120


def test_the_offline_template_is_on_the_jupyter_path():
    plan = classroom.plan(NOTEBOOK, 1, "127.0.0.1", 8866, env={"JUPYTER_PATH": "/elsewhere"})
    first, *rest = plan.env["JUPYTER_PATH"].split(":")
    assert (Path(first) / "voila" / "templates" / "offline" / "index.html.j2").is_file()
    assert rest == ["/elsewhere"]


def run(*args: str) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "explainer", "classroom", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60)


def test_a_wrong_address_or_notebook_is_one_clear_line():
    for args, expected in (
        (["--ip", "my-laptop", str(NOTEBOOK)], "--ip my-laptop: not an IP address"),
        (["missing.ipynb"], "missing.ipynb: no such notebook"),
        (["--students", "0", str(NOTEBOOK)], "--students 0: give at least 1"),
    ):
        result = run(*args)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(expected), args
