"""The classroom server's settings, its admission rule, and the command's own errors.

The server itself is driven in tests/browser/test_classroom_*.py; these check what needs no
server: the class-network mode, the places, which requests may take a kernel, and that every
mistake on the command line is one line saying what to do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from explainer import link_page
from explainer.classroom.config import Lesson, voila_config
from explainer.classroom.server import addresses

NOTEBOOK = Path("notebooks/korea-us-consultations.ipynb")
KEY = "k3y-of-the-link"


def test_on_this_machine_the_host_header_is_checked_and_the_key_still_needed():
    config = voila_config(Lesson(NOTEBOOK, 30), KEY)
    assert config["Voila"]["tornado_settings"]["allow_remote_access"] is False
    assert config["Voila"]["ip"] == "127.0.0.1" and config["Voila"]["token"] == KEY


def test_on_the_class_network_it_listens_on_that_address_only():
    config = voila_config(Lesson(NOTEBOOK, 30, ip="192.168.1.20"), KEY)
    assert config["Voila"]["ip"] == "192.168.1.20"  # that address only, not every interface
    assert config["Voila"]["tornado_settings"]["allow_remote_access"] is True


def test_every_address_of_this_computer_for_an_unspecified_ip():
    assert addresses("192.168.1.20") == ["192.168.1.20"]
    found = addresses("0.0.0.0")
    assert found and "127.0.0.1" not in found


def test_the_places_are_the_class_and_a_small_margin():
    for students in (1, 3, 30, 100):
        places = Lesson(NOTEBOOK, students).places
        assert students < places <= students * 1.2 + 2, (students, places)
    config = voila_config(Lesson(NOTEBOOK, 30), KEY)
    assert config["ClassroomKernelManager"]["places"] == Lesson(NOTEBOOK, 30).places


def test_one_preheated_kernel_per_student_and_closed_pages_culled():
    config = voila_config(Lesson(NOTEBOOK, 12), KEY)
    assert config["VoilaConfiguration"]["preheat_kernel"] is True
    assert config["VoilaConfiguration"]["default_pool_size"] == 12
    culling = config["MappingKernelManager"]
    assert culling["cull_connected"] is False  # a page still open keeps its kernel
    assert culling["cull_idle_timeout"] + culling["cull_interval"] <= 120
    quick = voila_config(Lesson(NOTEBOOK, 12, idle=5), KEY)["MappingKernelManager"]
    assert quick["cull_idle_timeout"] == 5 and quick["cull_interval"] <= 5


def test_a_page_load_needs_the_links_key():
    visit = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}
    assert link_page.refusal(visit, KEY, KEY) is None
    assert link_page.refusal({}, KEY, KEY) is None  # a client that sends no fetch metadata
    assert link_page.refusal(visit, "", KEY) == link_page.NO_KEY
    assert link_page.refusal(visit, KEY[:-1], KEY) == link_page.NO_KEY
    assert link_page.refusal(visit, "", "") == link_page.NO_KEY  # no key made: nobody


def test_a_request_another_page_makes_is_refused_even_with_the_key():
    for mode, dest in (("no-cors", "empty"), ("cors", "empty"), ("no-cors", "image")):
        headers = {"Sec-Fetch-Mode": mode, "Sec-Fetch-Dest": dest, "Sec-Fetch-Site": "same-site"}
        assert link_page.refusal(headers, KEY, KEY) == link_page.NOT_A_VISIT, (mode, dest)
    framed = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "iframe"}
    assert link_page.refusal(framed, KEY, KEY) == link_page.NOT_A_VISIT


def test_a_refusal_page_escapes_what_it_shows():
    page = link_page.PAGE.render(title="<b>", text="a & b")
    assert "<title>&lt;b&gt;</title>" in page and "a &amp; b" in page


def run(*args: str) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "explainer", "classroom", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60)


def test_a_wrong_address_notebook_or_count_is_one_clear_line():
    for args, expected in (
        (["--ip", "my-laptop", str(NOTEBOOK)], "--ip my-laptop: not an IP address"),
        (["--ip", "192.0.2.1", str(NOTEBOOK)], "--ip 192.0.2.1: not an address of this computer"),
        (["missing.ipynb"], "missing.ipynb: no such notebook (looked for /"),
        (["notebooks"], "notebooks: a folder, not a notebook; give a notebook, for example"),
        (["README.md"], "README.md: not a notebook (.ipynb)"),
        (["--students", "0", str(NOTEBOOK)], "--students 0: give at least 1"),
        (["--idle", "0", str(NOTEBOOK)], "--idle 0: give at least 1 second"),
    ):
        result = run(*args)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(expected), args


def test_a_port_that_does_not_exist_is_refused_before_anything_listens():
    result = run("--port", "99999", str(NOTEBOOK))
    assert result.returncode == 2 and result.stdout == ""
    assert "--port: 99999 is not a port: give a number from 1 to 65535" in result.stderr


def test_a_port_in_use_says_so():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("--port", str(port), str(NOTEBOOK))
    assert result.returncode == 1
    assert (
        result.stderr == f"--port {port}: in use on 127.0.0.1 (already serving?); "
        "choose another port\n"
    )
