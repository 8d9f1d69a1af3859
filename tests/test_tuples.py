"""perurel.tuples.NamedTuple builds the records as typing.NamedTuple does, without typing."""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest

from perurel import tuples


def declare(base: typing.Any) -> typing.Any:
    class Point(base):  # type: ignore[misc]
        """A point."""

        x: int
        y: int = 0
        label: str | None = None

        @property
        def norm1(self) -> int:
            return abs(self.x) + abs(self.y)

        def moved(self, dx: int) -> typing.Any:
            return self._replace(x=self.x + dx)

    return Point


def test_records_behave_as_typing_builds_them() -> None:
    ours, theirs = declare(tuples.NamedTuple), declare(typing.NamedTuple)
    for cls in (ours, theirs):
        p: typing.Any = cls(3, label="a")
        assert p == (3, 0, "a")
        assert tuple in type(p).__mro__
        assert p.norm1 == 3
        assert p.moved(2).x == 5
        assert p._asdict() == {"x": 3, "y": 0, "label": "a"}
    assert ours._fields == theirs._fields == ("x", "y", "label")
    assert ours._field_defaults == theirs._field_defaults == {"y": 0, "label": None}
    assert ours.__doc__ == theirs.__doc__ == "A point."
    assert ours.__name__ == "Point"
    assert repr(ours(1)) == repr(theirs(1)) == "Point(x=1, y=0, label=None)"
    with pytest.raises(TypeError):
        ours()


def test_construction_and_its_errors_as_typing_does() -> None:
    ours, theirs = declare(tuples.NamedTuple), declare(typing.NamedTuple)
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = [
        ((1, 2, "c"), {}),
        ((1,), {"label": "b"}),
        ((), {"x": 4, "y": 5}),
        ((1, 2, 3, 4), {}),  # too many
        ((), {}),  # x missing
        ((1,), {"x": 2}),  # x twice
        ((1,), {"z": 2}),  # no such field
    ]
    for args, kwargs in calls:
        try:
            expected: object = theirs(*args, **kwargs)
        except TypeError:
            with pytest.raises(TypeError):
                ours(*args, **kwargs)
        else:
            assert ours(*args, **kwargs) == expected
    assert ours._make([7, 8, None]) == theirs._make([7, 8, None])
    with pytest.raises(ValueError):
        ours(1)._replace(z=3)
    match ours(1, 2):
        case (x, y, None):
            assert (x, y) == (1, 2)
        case _:
            pytest.fail("a record is a sequence")


def test_records_pickle_and_compare_as_tuples() -> None:
    import pickle

    from perurel.model import Alternative, Milestone

    m = Milestone("established", "1823", ("a",), alternatives=(Alternative("1822", ("b",)),))
    assert pickle.loads(pickle.dumps(m)) == m
    assert hash(m) == hash(tuple(m)) and m == tuple(m)
    assert m._asdict()["alternatives"][0].date == "1822"


def test_a_field_without_default_after_one_with_default_is_refused() -> None:
    with pytest.raises(TypeError):

        class Bad(tuples.NamedTuple):
            a: int = 0
            b: int  # type: ignore[misc]


def test_the_records_are_built_without_importing_typing() -> None:
    code = "import sys, perurel.store, perurel.commands; print('typing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
