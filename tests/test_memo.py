from __future__ import annotations

from explainer.views.memo import by_identity


def counting():
    calls = []

    @by_identity(keep=2)
    def size(items):
        calls.append(items)
        return len(items)

    return size, calls


def test_same_object_is_worked_out_once():
    size, calls = counting()
    items = (1, 2, 3)
    assert size(items) == size(items) == 3
    assert len(calls) == 1


def test_equal_but_distinct_objects_are_worked_out_each():
    size, calls = counting()
    first, second = (1, 2, 3), tuple([1, 2, 3])
    assert first == second and first is not second
    size(first)
    size(second)
    assert len(calls) == 2


def test_only_the_last_few_are_kept():
    size, calls = counting()
    a, b, c = (1,), (1, 2), (1, 2, 3)
    for items in (a, b, c, a):
        size(items)
    assert calls == [a, b, c, a]  # a was dropped when c came in
    size(c)
    assert len(calls) == 4
