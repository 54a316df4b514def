"""ui.memo.shared: one computation per key, shared values, .clear() empties it."""

from ui import memo


def test_shared_computes_once_per_key_and_clear_forgets():
    calls = []

    @memo.shared(maxsize=2)
    def square(text: str) -> dict:
        calls.append(text)
        return {"value": int(text) ** 2}

    first = square("3")
    assert square("3") is first  # the same object, no copy
    assert square("4") == {"value": 16}
    assert calls == ["3", "4"]
    square("5")  # maxsize 2: the least recently used key ("3") is dropped
    square("3")
    assert calls == ["3", "4", "5", "3"]
    square.clear()
    square("3")
    assert calls == ["3", "4", "5", "3", "3"]
