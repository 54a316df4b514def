"""figures.frozen: a finished figure's dict is made once and equals Plotly's own."""

import plotly.graph_objects as go
import plotly.io as pio

from figures.frozen import FrozenFigure, freeze


def _figure() -> go.Figure:
    fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2], name="a"))
    fig.update_layout(title="t", height=300)
    return fig


def test_frozen_dict_equals_plotlys_and_is_made_once(monkeypatch):
    original = _figure()
    frozen = freeze(original)
    assert isinstance(frozen, FrozenFigure)
    calls = []
    parent = go.Figure.to_dict
    monkeypatch.setattr(go.Figure, "to_dict", lambda self: calls.append(1) or parent(self))
    first = frozen.to_dict()
    assert first == original.to_dict()
    assert frozen.to_dict() is first
    assert len(calls) == 2  # one for the frozen figure, one for the comparison above
    assert pio.to_json(frozen.to_dict()) == pio.to_json(original.to_dict())


def test_freezing_copies_and_leaves_the_original_changeable():
    original = _figure()
    frozen = freeze(original)
    original.update_layout(title="changed")
    assert frozen.to_dict()["layout"]["title"]["text"] == "t"
    again = go.Figure(frozen)
    again.update_layout(height=500)
    assert again.to_dict()["layout"]["height"] == 500
    assert frozen.to_dict()["layout"]["height"] == 300
