"""Unit-conversion repair: "some 100km (60km) north" -> "some 100km (60 miles) north".

A conversion is a measurement followed by its conversion in brackets: "40-50km (25-31 miles)",
"5ft 11in (1.8m)", "-5C (23F)". When the figures do not fit the units, the repair is, in order
of confidence:

1. the same unit on both sides with different figures ("100km (60km)"): the inner unit becomes
   the one counterpart unit of the family that fits the figures ("60 miles"), written as the
   writer writes units (symbol or word, space or none, hyphen in adjectives, US -er spelling);
2. the units swapped ("100km (161 miles)"): they are exchanged ("100 miles (161km)");
3. no reading fits, or more than one counterpart does: the text is left alone with a warning.

A figure fits a conversion when it is within 6% of the exact value (rounding to two significant
figures, and the measurement's own rounding), or within half a step of its last significant digit
and within 25% (rounding to one significant figure: 100km is "60 miles", 1 mile is "2km").
Temperatures are affine, so the test there is absolute: within 1 degree, or half a step of the
last significant digit up to 2.5 degrees ("100F (40C)").

Only a figure-unit pair directly followed by a bracketed figure-unit pair is looked at, so
"Route 66 (66km of it ...)", money ("£10m (£12m)", "$5 (£4)") and percentages are never touched.
One-letter units and "in" must follow the digit directly ("5in", not "5 in").

The factors live in `data/units.tsv`. No units library is used: the work here is matching the
spellings newsrooms use and a rounding-aware fit test, neither of which a library provides, and
the 26 units needed fit in a small table. `pint`, for one, takes 0.22-0.29 s to import and
0.45-0.52 s with its UnitRegistry built (measured on pint 0.25.3), longer than this step takes to
clean megabytes.

Every regex repetition is bounded; an inner conversion is found from its "(", and the measurement
before it is matched backwards from that bracket, within 64 characters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import product

import regex

from ..document import Document
from ..pipeline import step

Fix = tuple[str, str, str, str]  # before, after, reason, reason code
Alert = tuple[str, str, str]  # snippet, reason, reason code: a warning
NO_FIT = ("the figure in brackets fits no conversion of the one before it", "units.no_conversion")
Edit = tuple[tuple[int, int], str]  # span of the text, replacement


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    family: str
    factor: float  # value in the family's base unit = figure * factor + offset
    offset: float
    short: str  # written form after an abbreviating writer, plural and singular
    short1: str
    long: str  # full word, plural and singular
    long1: str

    def to_base(self, figure: float) -> float:
        return figure * self.factor + self.offset

    def from_base(self, value: float) -> float:
        return (value - self.offset) / self.factor

    def words(self) -> tuple[str, ...]:
        return (self.long, self.long1, _us(self.long), _us(self.long1))

    def is_word(self, spelling: str) -> bool:
        """Whether `spelling` spells the unit out where newsrooms would abbreviate it."""
        return spelling in self.words() and spelling not in (self.short, self.short1)


def _alternation(names: list[str]) -> str:
    return "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))


NUMBER = r"[-−]?(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,6})?"
UNSIGNED = r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,6})?"
HEDGE = r"(?:(?:about|around|roughly|nearly|almost|some|over|under|up to|more than) )?"
WINDOW = 64
US_SPELLING = regex.compile(r"(?:met|lit)ers?\b")


@dataclass(frozen=True)
class Tables:
    """The unit table (data/units.tsv) and the patterns built from its spellings: built with
    the first text that has a figure in brackets, not with newsclean (they take a while)."""

    spellings: dict[str, tuple[Unit, ...]]  # each spelling, and the units it may mean
    families: dict[str, tuple[Unit, ...]]  # each family (length, mass, ...), and its units
    affine: frozenset[str]  # the families with an offset (temperature)
    inner: regex.Pattern[str]  # "(about 60 miles)"
    outer: regex.Pattern[str]  # the measurement before it, matched backwards
    symbol: regex.Pattern[str]  # a symbol of two letters or more after a digit


@cache
def tables() -> Tables:
    from fractions import Fraction

    spellings: dict[str, list[Unit]] = {}
    families: dict[str, list[Unit]] = {}
    table = (resources.files("newsclean") / "data" / "units.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        uid, family, factor, offset, *forms, names = line.split("\t")
        unit = Unit(uid, family, float(Fraction(factor)), float(Fraction(offset)), *forms)
        families.setdefault(family, []).append(unit)
        for name in names.split(","):
            spellings.setdefault(name, []).append(unit)
    # One-letter units and "in" only directly after the digit: "5in", "2l", "35C", "100m".
    tight = [s for s in spellings if len(s) == 1 or s == "in"]
    loose = [s for s in spellings if s not in tight]

    def unit_pattern(p: str) -> str:
        return (
            rf"(?:(?P<{p}sep>[ -]?)(?P<{p}unit>{_alternation(loose)})"
            rf"|(?P<{p}unit>{_alternation(tight)}))(?!\w)"
        )

    def quantity(p: str) -> str:
        """A figure or range with a unit, optionally a second figure with a unit ("5ft 11in")."""
        return (
            rf"(?P<{p}a>{NUMBER})(?:[-–](?P<{p}b>{UNSIGNED}))?{unit_pattern(p)}"
            rf"(?: (?P<{p}c>{UNSIGNED}){unit_pattern(p + '2')})?"
        )

    symbols = [
        s for s in loose if " " not in s and all(s == u.short != u.long for u in spellings[s])
    ]
    return Tables(
        {k: tuple(v) for k, v in spellings.items()},
        {k: tuple(v) for k, v in families.items()},
        frozenset(f for f, units in families.items() if any(u.offset for u in units)),
        regex.compile(rf"\({HEDGE}{quantity('i')}\)"),
        # matched backwards from the inner "(": the nearest measurement that ends right there
        regex.compile(rf"(?r)(?<![\w.,/£$€¥₹]){quantity('o')} ?\Z"),
        # how the writer spaces symbols elsewhere: "5 km" or "5km"
        regex.compile(rf"\d( ?)(?:{_alternation(symbols)})(?!\w)"),
    )


LAZY = {"SPELLINGS": "spellings", "FAMILIES": "families", "AFFINE": "affine"}


def __getattr__(name: str) -> object:
    """SPELLINGS, FAMILIES and AFFINE, built when first asked for (see Tables)."""
    if name in LAZY:
        return getattr(tables(), LAZY[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class Style:
    """How the text writes units: US -er spellings, and the space before a symbol."""

    us: bool
    space: str

    @classmethod
    def of(cls, text: str) -> Style:
        symbol = tables().symbol.search(text)
        return cls(bool(US_SPELLING.search(text)), symbol[1] if symbol else "")


@dataclass(frozen=True, slots=True)
class Quantity:
    figures: tuple[str, ...]  # one figure, or the two ends of a range
    spelling: str
    sep: str  # "", " " or "-" between figure and unit
    unit_span: tuple[int, int]  # where sep + unit stand in the text
    extra: tuple[str, str] | None = None  # the second part of "5ft 11in": ("11", "in")

    @classmethod
    def from_match(cls, m: regex.Match[str], p: str) -> Quantity:
        figures = (m[p + "a"],) if m[p + "b"] is None else (m[p + "a"], m[p + "b"])
        start = m.start(p + "sep") if m[p + "sep"] is not None else m.start(p + "unit")
        extra = None if m[p + "c"] is None else (m[p + "c"], m[p + "2unit"])
        return cls(figures, m[p + "unit"], m[p + "sep"] or "", (start, m.end(p + "unit")), extra)

    def readings(self) -> list[tuple[Unit, list[float]]]:
        """Each way to read the quantity: the unit its last figure is in, and its base values."""
        found = []
        for unit in tables().spellings[self.spelling]:
            values = [unit.to_base(_number(f)) for f in self.figures]
            if self.extra is None:
                found.append((unit, values))
                continue
            if len(values) > 1 or unit.family in tables().affine:
                continue
            for small in tables().spellings[self.extra[1]]:
                if small.family == unit.family and small.factor < unit.factor:
                    found.append((small, [values[0] + small.to_base(_number(self.extra[0]))]))
        return found

    def fits(self, measure: Unit, values: list[float], outer: list[float]) -> bool:
        """Whether base values `values`, read in `measure`, convert the base values `outer`."""
        figures = (self.extra[0],) if self.extra else self.figures
        return len(values) == len(outer) and all(
            _close(measure.from_base(v), measure.from_base(o), f, measure.family in tables().affine)
            for v, o, f in zip(values, outer, figures, strict=True)
        )

    @property
    def abbreviated(self) -> bool:
        return not any(self.spelling in u.words() for u in tables().spellings[self.spelling])


def _number(figure: str) -> float:
    return float(figure.replace(",", "").replace("−", "-"))


def _close(figure: float, exact: float, written: str, affine: bool) -> bool:
    """Whether `figure`, written as `written`, is `exact` rounded as newsrooms round."""
    digits = written.lstrip("-−").replace(",", "")
    if "." in digits:
        half_step = 0.5 * 10 ** -len(digits.split(".")[1])
    else:
        half_step = 0.5 * 10 ** min(len(digits) - len(digits.rstrip("0")), len(digits) - 1)
    diff = abs(figure - exact)
    if affine:
        return diff <= max(1.0, min(half_step, 2.5))
    return diff <= 0.06 * abs(exact) or diff <= min(half_step, 0.25 * abs(exact))


def _us(word: str) -> str:
    return word.replace("tre", "ter")


def _written(unit: Unit, outer: Quantity, inner: Quantity, style: Style) -> str:
    """Separator and unit for `inner`'s figure, in the style the writer used for its unit."""
    word = any(u.is_word(inner.spelling) for u in tables().spellings[inner.spelling])
    singular = inner.sep == "-" or inner.figures == ("1",)
    if word:
        form = unit.long1 if singular else unit.long
    else:
        form = unit.short1 if singular else unit.short
    symbol = form not in (unit.long, unit.long1) and " " not in form
    if style.us:
        form = _us(form)
    if inner.spelling.startswith("°"):
        form = "°" + form
    if not symbol:
        return ("-" if inner.sep == "-" else " ") + form
    # a symbol takes the space (or none) the writer put before a symbol: "2,000 ft (610 m)"
    seps = (q.sep for q in (inner, outer) if q.abbreviated and q.sep != "-")
    return next(seps, style.space) + form


def _converts(outer: Quantity, inner: Quantity) -> bool:
    """Whether some reading of `inner` is a conversion of some reading of `outer`."""
    return any(
        inner.fits(i_unit, i_values, o_values)
        for (o_unit, o_values), (i_unit, i_values) in product(outer.readings(), inner.readings())
        if o_unit.family == i_unit.family
    )


def _judge(
    outer: Quantity, inner: Quantity, text: str, style: Style
) -> tuple[list[Edit], str, str] | tuple[str, str] | None:
    """What to do with a conversion: (edits, reason, code) to repair it, (reason, code) to warn,
    or None. The reasons name units, never the figures (they are in the snippet)."""
    outer_readings = outer.readings()
    if not {u.family for u, _ in outer_readings} & {u.family for u, _ in inner.readings()}:
        return None  # different kinds of measure: not a conversion
    if _converts(outer, inner):
        return None  # a correct conversion, or the same figure twice
    inner_units = {u.id for u in tables().spellings[inner.spelling]}
    outer_units = {u.id for u in tables().spellings[outer.spelling]}
    if outer.extra:
        outer_units |= {u.id for u in tables().spellings[outer.extra[1]]}
    if inner_units & outer_units:
        if inner.extra:
            return NO_FIT
        forms = {
            _written(unit, outer, inner, style)
            for (o_unit, o_values) in outer_readings
            for unit in tables().families[o_unit.family]
            if unit.id not in inner_units
            and inner.fits(unit, [unit.to_base(_number(f)) for f in inner.figures], o_values)
        }
        if len(forms) > 1:
            choices = " or ".join(sorted(f.strip(" -") for f in forms))
            return f"the converted figure fits {choices}: ambiguous", "units.ambiguous"
        if not forms:
            return NO_FIT
        form = forms.pop()
        reason = f"the converted figure fits {form.strip(' -')}, not {inner.spelling}"
        return [(inner.unit_span, form)], reason, "units.wrong_unit"
    swapped = replace(outer, spelling=inner.spelling), replace(inner, spelling=outer.spelling)
    if outer.extra is None and inner.extra is None and _converts(*swapped):
        outer_unit = text[slice(*outer.unit_span)]
        inner_unit = text[slice(*inner.unit_span)]
        edits = [(outer.unit_span, inner_unit), (inner.unit_span, outer_unit)]
        return edits, "the units are swapped", "units.swapped"
    return NO_FIT


def repair(text: str) -> tuple[str, list[Fix], list[Alert]]:
    """`text` with its garbled conversions repaired, the fixes made and the warnings raised."""
    fixes: list[Fix] = []
    warnings: list[Alert] = []
    inners = list(tables().inner.finditer(text)) if "(" in text else []
    if not inners:
        return text, fixes, warnings
    style = Style.of(text)
    edits: list[Edit] = []
    for m in inners:
        o = tables().outer.search(text, max(0, m.start() - WINDOW), m.start())
        if o is None:
            continue
        outer, inner = Quantity.from_match(o, "o"), Quantity.from_match(m, "i")
        verdict = _judge(outer, inner, text, style)
        snippet = text[o.start() : m.end()]
        if verdict is None:
            continue
        if len(verdict) == 2:
            warnings.append((snippet, *verdict))
        else:
            changes, reason, code = verdict
            edits += changes
            fixes.append((snippet, _apply(snippet, changes, o.start()), reason, code))
    return _apply(text, edits, 0), fixes, warnings


def _apply(text: str, edits: list[Edit], offset: int) -> str:
    """`text` with each span (in coordinates shifted by `offset`) replaced."""
    parts, last = [], 0
    for (start, end), new in sorted(edits):
        parts += [text[last : start - offset], new]
        last = end - offset
    return "".join(parts) + text[last:]


def fix_units(text: str) -> str:
    """Repair garbled conversions such as "100km (60km)" -> "100km (60 miles)"."""
    return repair(text)[0]


@step("units", "repair garbled unit conversions: 100km (60km) -> 100km (60 miles)")
def units(doc: Document) -> None:
    for block in doc.blocks:
        block.text, fixes, warnings = repair(block.text)
        for before, after, reason, code in fixes:
            doc.rewrote(before, after, reason, code)
        for snippet, reason, code in warnings:
            doc.warn(snippet, reason, code)
