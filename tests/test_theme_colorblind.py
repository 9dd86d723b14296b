"""Agency colours checked by simulation, not by eye (issues 9 and 10).

Every colour is seen four ways: normal vision and full protanopia, deuteranopia, tritanopia
as daltonlens simulates them (Viénot 1999 for protan/deutan, Brettel 1997 for tritan: the
models its author recommends for full dichromacy). Two colours shown together must stay
MIN_DELTA_E apart in CIELAB (CIE76 ΔE, D65) in each of the four views. 2.3 is a just
noticeable difference for large patches side by side; chart marks are small and read
across a room, so the bound is about four of those: 10.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from daltonlens import convert, simulate
from planfactory import make_plan, product

from planmonitor.output import theme
from planmonitor.reading.loader import load_default

MIN_DELTA_E = 10.0
_LMS = convert.LMSModel_sRGB_SmithPokorny75()
VIEWS = {
    "protanopia": (simulate.Simulator_Vienot1999(_LMS), simulate.Deficiency.PROTAN),
    "deuteranopia": (simulate.Simulator_Vienot1999(_LMS), simulate.Deficiency.DEUTAN),
    "tritanopia": (simulate.Simulator_Brettel1997(_LMS), simulate.Deficiency.TRITAN),
}
# What an agency-coloured chart draws beside the agencies' bars.
SHOWN_WITH_AGENCIES = {
    "no lead": theme.NO_LEAD_COLOR,
    "undated": theme.UNDATED_COLOR,
    "actual span": theme.ACTUAL_COLOR,
    "background": "#FFFFFF",
}


def _lab(srgb: np.ndarray) -> np.ndarray:
    """sRGB (uint8, ...x3) -> CIELAB under D65."""
    c = srgb.astype(float) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m = np.array(
        [[0.4124564, 0.3575761, 0.1804375],
         [0.2126729, 0.7151522, 0.0721750],
         [0.0193339, 0.1191920, 0.9503041]]
    )  # fmt: skip
    xyz = linear @ m.T / np.array([0.95047, 1.0, 1.08883])
    d = 6 / 29
    f = np.where(xyz > d**3, np.cbrt(xyz), xyz / (3 * d * d) + 4 / 29)
    return np.stack(
        [116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])],
        axis=-1,
    )


def _views(colors: list[str]) -> dict[str, np.ndarray]:
    """Each colour's CIELAB in every view (normal and the three simulated dichromacies)."""
    image = np.array([[[int(h[i : i + 2], 16) for i in (1, 3, 5)] for h in colors]], np.uint8)
    out = {"normal": _lab(image)[0]}
    for name, (simulator, deficiency) in VIEWS.items():
        out[name] = _lab(simulator.simulate_cvd(image, deficiency, 1.0))[0]
    return out


def _too_close(a: dict[str, str], b: dict[str, str] | None = None) -> list[str]:
    """Pairs (one from `a`, one from `b`; within `a` without `b`) closer than MIN_DELTA_E in
    any view, said as "name #hex ~ name #hex: view ΔE"."""
    pairs = (
        list(itertools.combinations(a.items(), 2))
        if b is None
        else list(itertools.product(a.items(), b.items()))
    )
    if not pairs:
        return []
    names = list(dict.fromkeys([p for pair in pairs for p in pair]))
    index = {p: i for i, p in enumerate(names)}
    views = _views([color for _, color in names])
    found = []
    for x, y in pairs:
        for view, lab in views.items():
            delta = float(np.linalg.norm(lab[index[x]] - lab[index[y]]))
            if delta < MIN_DELTA_E:
                found.append(f"{x[0]} {x[1]} ~ {y[0]} {y[1]}: {view} {delta:.1f}")
    return found


def test_the_simulation_tells_the_classic_confusions_apart_from_safe_pairs():
    # the check can fail: red and green merge for protan/deutan, blue and green for tritan
    assert _too_close({"red": "#CC0000", "green": "#6B8E00"})
    assert any("tritanopia" in p for p in _too_close({"blue": "#3F88C5", "green": "#3FA8A0"}))
    assert not _too_close({"black": "#000000", "white": "#FFFFFF"})


def test_every_safe_agency_colour_differs_from_every_other_for_colour_blind_readers():
    palette = {f"agency {i}": c for i, c in enumerate(theme.AGENCY_PALETTE)}
    assert _too_close(palette) == []


def test_agency_colours_never_look_like_a_status_colour_or_the_gantt_s_other_bars():
    palette = {f"agency {i}": c for i, c in enumerate(theme.AGENCY_PALETTE)}
    others = {**theme.STATUS_COLORS, **SHOWN_WITH_AGENCIES}
    assert _too_close(palette, others) == []


@pytest.mark.parametrize("n", [1, 5, 15, len(theme.AGENCY_PALETTE)])
def test_any_list_within_the_palette_is_safe_and_keeps_the_secretariat_first(n):
    names = [f"Agencia {i}" for i in range(n)]
    colors = theme.agency_colors(names)
    assert colors[names[0]] == theme.AGENCY_PALETTE[0]  # the secretariat's colour is stable
    assert set(theme.agency_patterns(names).values()) == {""}
    assert _too_close(colors) == []


def test_past_the_safe_palette_each_round_of_colours_gets_its_own_pattern():
    names = [f"A{i}" for i in range(3 * len(theme.AGENCY_PALETTE) + 4)]
    colors = theme.agency_colors(names)
    patterns = theme.agency_patterns(names)
    assert len(set(colors.values())) == len(names)  # still an own colour each
    assert len({(colors[a], patterns[a]) for a in names}) == len(names)
    rounds: dict[str, dict[str, str]] = {}
    for a in names:
        rounds.setdefault(patterns[a], {})[a] = colors[a]
    assert len(rounds) == 4 and "" in rounds
    for shape, members in rounds.items():  # one pattern: the colours tell them apart
        assert _too_close(members) == [], shape
        assert _too_close(members, theme.STATUS_COLORS) == [], shape


@pytest.mark.parametrize("which", ["test plan", "bundled plan"])
def test_every_agency_of_a_plan_is_safe_beside_every_other(which):
    plan = make_plan([product("1.1.1-1")]) if which == "test plan" else load_default().plan
    colors = theme.plan_agency_colors(plan)
    assert _too_close(colors) == []
    assert set(theme.plan_agency_patterns(plan).values()) == {""}
