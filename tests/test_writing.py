"""package.writing.write_whole: files written whole or all left as they were (issue 20 §5)."""

from __future__ import annotations

import os
import resource

import pytest

from explainer.package import writing
from explainer.package.writing import CannotWrite, write_whole


@pytest.fixture
def two(tmp_path):
    first, second = tmp_path / "first.csv", tmp_path / "second.json"
    first.write_bytes(b"old first")
    second.write_bytes(b"old second")
    first.chmod(0o640)
    return first, second


def contents(folder) -> dict[str, bytes]:
    """Every entry of the folder and its bytes: a temporary file left behind shows here."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_both_are_written_and_each_keeps_its_permissions(two):
    first, second = two
    write_whole({first: b"new first", second: b"new second"})
    assert contents(first.parent) == {"first.csv": b"new first", "second.json": b"new second"}
    assert first.stat().st_mode & 0o777 == 0o640


def test_a_swap_that_fails_puts_back_the_file_already_swapped(two, monkeypatch):
    first, second = two
    real_replace = os.replace

    def failing_second(source, target):
        if str(target) == str(second):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(writing.os, "replace", failing_second)
    with pytest.raises(CannotWrite) as failure:
        write_whole({first: b"new first", second: b"new second"})
    assert failure.value.path == second
    assert str(failure.value) == f"{second}: cannot write it: the disk is full; nothing was changed"
    assert contents(first.parent) == {"first.csv": b"old first", "second.json": b"old second"}


def test_ctrl_c_while_swapping_puts_back_the_file_already_swapped(two, monkeypatch):
    first, second = two
    real_replace = os.replace

    def interrupted_at_second(source, target):
        if str(target) == str(second):
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(writing.os, "replace", interrupted_at_second)
    with pytest.raises(KeyboardInterrupt):
        write_whole({first: b"new first", second: b"new second"})
    assert contents(first.parent) == {"first.csv": b"old first", "second.json": b"old second"}


def test_a_file_marked_read_only_is_refused_before_anything_is_written(two):
    """Even for root, whom the system lets write anything: the mark is the owner's wish."""
    first, second = two
    second.chmod(0o444)
    with pytest.raises(CannotWrite, match="the file is read-only; nothing was changed") as failure:
        write_whole({first: b"new first", second: b"new second"})
    assert failure.value.path == second
    assert contents(first.parent) == {"first.csv": b"old first", "second.json": b"old second"}


def test_a_read_only_folder_is_refused_and_no_folder_is_left_behind(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    with pytest.raises(CannotWrite, match=f"its folder {locked} is read-only"):
        write_whole({tmp_path / "new" / "a.html": b"a", locked / "b.html": b"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked"]
    assert list(locked.iterdir()) == []


def test_a_full_disk_leaves_the_old_file_and_no_partial_one(two):
    """RLIMIT_FSIZE, as `ulimit -f` sets it: a write past it fails as on a full disk."""
    first, _ = two
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(CannotWrite, match="larger than this system lets a program write"):
            write_whole({first: b"x" * 10_000})
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert contents(first.parent) == {"first.csv": b"old first", "second.json": b"old second"}


def test_a_folder_where_the_file_should_be_is_said(tmp_path):
    (tmp_path / "page.html").mkdir()
    with pytest.raises(CannotWrite, match="a folder stands there; nothing was changed"):
        write_whole({tmp_path / "page.html": b"page"})
