"""Ready-made displays (Miles, Huberman & Saldaña) as named spec builders over the engine.

Each ``*_spec`` function returns a :class:`DisplaySpec` a user can save and
re-run; :func:`ready_spec` builds one by type name (what the CLI uses).

=====================  ==========================================  ===================
type                   rows × columns                              cells
=====================  ==========================================  ===================
matrix                 codes × cases / attribute / sources / kinds  count
framework              cases × codes (themes)                       researcher summary
checklist              components of one variable × informants      rating + best quote
role_ordered           role values (ordered by rank) × codes        excerpts
time_ordered           periods × codes                              count / excerpts
clustered              informants × code groups                     excerpts
case_ordered           cases ordered by an attribute × codes        excerpts
effects                outcome codes × groups or early/late         excerpts
cooccurrence           codes × codes (overlap / near / same turn)   count
factors                dimensions × valence (supporting/inhibiting) count
coverage               codes × sources (or cases), gaps marked      count + % of text
=====================  ==========================================  ===================

More MHS displays (event listing, explanatory effects, contrast table,
predictor–outcome, case dynamics, contact summary) live in
:mod:`qualcode.analysis.displays_mhs` and are registered here with the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from qualcode.analysis.displays_mhs import CODE_PARAMS as MHS_CODE_PARAMS
from qualcode.analysis.displays_mhs import MHS_READY
from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project


def parse_dim(text: str, project: Project | None = None) -> Dim:
    """A dimension from its short form: ``codes``, ``codes:3,4``, ``children:3``, ``cases``,
    ``attribute:Jabatan``, ``sources``, ``source_kind``, ``coders``, ``valence``,
    ``period:month|quarter|year|value[:period|event_date|source_date]``,
    ``source_attribute:NAME``, ``total``.

    Codes may be named instead of numbered (``codes:Komunikasi,Sumber daya/Staf``,
    ``children:Komunikasi``) when the ``project`` is given to look the names up.
    """
    kind, _, arg = text.strip().partition(":")
    kind = {"cols": "columns", "kinds": "source_kind", "source_kinds": "source_kind"}.get(
        kind, kind
    )
    if kind == "codes":
        ids = [_code_ref(project, x) for x in arg.split(",") if x.strip()] if arg else None
        return Dim.of("codes", ids=ids)
    if kind == "children":
        return Dim.of("codes", children_of=_code_ref(project, arg), aggregate=True)
    if kind in ("attribute", "source_attribute"):
        return Dim.of(kind, name=arg)
    if kind == "period":  # period:BUCKET or period:BUCKET:FIELD
        how, _, field = arg.partition(":")
        return Dim.of("period", bucket=how or "month", field=field or None)
    if kind == "cases" and arg:  # one level of the case hierarchy, holding what is below it
        return Dim.of("cases", case_kind=arg, rollup=True)
    return Dim.of(kind)


def _code_ref(project: Project | None, text: str) -> int:
    """A code id from a number or, given the project, a code name or path."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if project is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "'{value}' is not a code id."), value=text
        )
    return project.codes.find(text).id


def _codes_dim(codes: Sequence[int] | None, aggregate: bool = False) -> Dim:
    return Dim.of("codes", ids=list(codes) if codes is not None else None, aggregate=aggregate)


def top_level_codes(project: Project) -> list[int]:
    """Ids of top-level codes (the dimensions of a codebook), in tree order."""
    return [c.id for c in project.codes.all() if c.parent_id is None]


def matrix_spec(
    project: Project,
    *,
    codes: Sequence[int] | None = None,
    columns: Dim | str = "cases",
    measure: str = "codings",
    filters: dict[str, Any] | None = None,
    cell: str = "count",
) -> DisplaySpec:
    """Matrix coding: codes × cases, attribute values, sources or source kinds."""
    cols = parse_dim(columns, project) if isinstance(columns, str) else columns
    return DisplaySpec.make(
        "matrix",
        _codes_dim(codes, aggregate=True),
        cols,
        filters=filters,
        measure=measure,
        cell=cell,
    )


def framework_spec(
    project: Project,
    *,
    codes: Sequence[int] | None = None,
    case_kind: str | None = "informant",
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Framework matrix: cases × themes; cells hold summaries linked to excerpts."""
    themes = list(codes) if codes is not None else top_level_codes(project)
    return DisplaySpec.make(
        "framework",
        Dim.of("cases", case_kind=case_kind, rollup=True),
        _codes_dim(themes, aggregate=True),
        filters=filters,
        cell="summary",
    )


def checklist_spec(
    project: Project,
    *,
    variable: int | None = None,
    columns: Dim | str = "cases:informant",
    levels: dict[str, int] | None = None,
    filters: dict[str, Any] | None = None,
    components: Sequence[int] | None = None,
) -> DisplaySpec:
    """Checklist matrix: the components (sub-codes) of one variable × informants, rated.

    ``components`` lists the rows' codes directly instead of a ``variable``'s sub-codes.
    """
    cols = parse_dim(columns, project) if isinstance(columns, str) else columns
    if components is not None:
        rows = _codes_dim(components, aggregate=True)
    elif variable is not None:
        rows = Dim.of("codes", children_of=variable, aggregate=True)
    else:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A checklist needs a variable or its components.")
        )
    return DisplaySpec.make(
        "checklist",
        rows,
        cols,
        filters=filters,
        cell="rating",
        options={"levels": levels},
    )


def role_ordered_spec(
    project: Project,
    *,
    role: str,
    rank: str | None = None,
    codes: Sequence[int] | None = None,
    filters: dict[str, Any] | None = None,
    groups: dict[str, list[str]] | None = None,
) -> DisplaySpec:
    """Role-ordered matrix: roles (values of a role attribute, or ``groups`` of them by
    pattern, e.g. ``{"Kasi": ["Kepala Seksi*"]}``) ordered by a rank attribute × codes;
    a row of grouped roles names the persons in it."""
    return DisplaySpec.make(
        "role_ordered",
        Dim.of(
            "attribute",
            name=role,
            order_by=rank,
            groups=groups or None,
            persons=True if groups else None,
        ),
        _codes_dim(codes, aggregate=True),
        filters=filters,
        cell="excerpts",
    )


def time_ordered_spec(
    project: Project,
    *,
    codes: Sequence[int] | None = None,
    bucket: str = "month",
    field: str = "period",
    fallback: bool = True,
    cell: str = "count",
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Time-ordered matrix: periods × codes, ordered by the chosen time field (the coding's
    period, its event date or the source's date) with the fallbacks of
    :mod:`qualcode.analysis.periods`, each row stating what a fallback placed."""
    from qualcode.analysis.periods import field_chain

    field_chain(field)  # an unknown field is refused here, not when the display is built
    return DisplaySpec.make(
        "time_ordered",
        Dim.of("period", bucket=bucket, field=field, fallback=None if fallback else False),
        _codes_dim(codes, aggregate=True),
        filters=filters,
        cell=cell,
    )


def clustered_spec(
    project: Project,
    *,
    groups: dict[str, list[int]],
    case_kind: str | None = "informant",
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Conceptually clustered matrix: informants × groups of related codes."""
    if not groups:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Name at least one group of codes."))
    return DisplaySpec.make(
        "clustered",
        Dim.of("cases", case_kind=case_kind, rollup=True),
        Dim.of("code_groups", groups=groups),
        filters=filters,
        cell="excerpts",
    )


def case_ordered_spec(
    project: Project,
    *,
    order_by: str,
    codes: Sequence[int] | None = None,
    descending: bool = True,
    case_kind: str | None = None,
    filters: dict[str, Any] | None = None,
    include_unranked: bool = False,
) -> DisplaySpec:
    """Case-ordered meta-matrix: cases ordered by an attribute or rating (high to low, or
    ``descending=False``) × codes.

    Cases without a value of ``order_by`` (an interviewer, a moderator) are left out
    unless ``include_unranked``; any case kind can be ordered (``case_kind``), and an OPD
    or site case holds the codings of the informants below it.
    """
    return DisplaySpec.make(
        "case_ordered",
        Dim.of(
            "cases",
            order_by=order_by,
            descending=descending,
            case_kind=case_kind,
            ranked_only=None if include_unranked else True,
            rollup=True,
        ),
        _codes_dim(codes, aggregate=True),
        filters=filters,
        cell="excerpts",
    )


def effects_spec(
    project: Project,
    *,
    outcomes: Sequence[int],
    group: str | None = None,
    cutoff: str | None = None,
    time_field: str = "auto",
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Effects matrix: outcome codes × groups (a case attribute) or early/late around ``cutoff``.

    Early/late reads each coding's time from ``time_field`` (see
    :func:`qualcode.analysis.axes.period_of`): by default its own period or event
    date, else the interview's date; ``event``, ``period``, ``source``,
    ``attribute:NAME`` or ``source_attribute:NAME`` choose one source of time.
    """
    from qualcode.analysis.axes import check_time_field

    if (group is None) == (cutoff is None):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "An effects matrix needs either a group attribute or a cutoff date."
            )
        )
    cols = (
        Dim.of("attribute", name=group)
        if group is not None
        else Dim.of(
            "period",
            bucket="split",
            cutoff=cutoff,
            field=None if time_field == "auto" else check_time_field(time_field),
        )
    )
    return DisplaySpec.make(
        "effects", _codes_dim(outcomes, aggregate=True), cols, filters=filters, cell="excerpts"
    )


def cooccurrence_spec(
    project: Project,
    *,
    codes: Sequence[int] | None = None,
    op: str = "and",
    distance: int = 0,
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Code co-occurrence: codes × codes; a cell holds both codes' codings in relation ``op``."""
    dim = _codes_dim(codes)
    return DisplaySpec.make(
        "cooccurrence",
        dim,
        dim,
        filters=filters,
        options={"relation": {"op": op, "distance": distance}},
    )


def factors_spec(
    project: Project,
    *,
    dimensions: Sequence[int] | None = None,
    measure: str = "codings",
    cell: str = "count",
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Supporting vs inhibiting factors by dimension: dimension codes (with sub-codes) × valence."""
    dims = list(dimensions) if dimensions is not None else top_level_codes(project)
    return DisplaySpec.make(
        "factors",
        _codes_dim(dims, aggregate=True),
        Dim.of("valence"),
        filters=filters,
        measure=measure,
        cell=cell,
    )


def coverage_spec(
    project: Project,
    *,
    codes: Sequence[int] | None = None,
    columns: Dim | str = "sources",
    filters: dict[str, Any] | None = None,
) -> DisplaySpec:
    """Data accounting: codes × sources (or cases); each cell's passages and the percent of the
    column's text they cover; empty cells mark missing evidence. A parent code's row holds its
    sub-codes, so a parent coded only through them is no gap (:mod:`~qualcode.analysis.coverage`).
    """
    cols = parse_dim(columns, project) if isinstance(columns, str) else columns
    return DisplaySpec.make("coverage", _codes_dim(codes, aggregate=True), cols, filters=filters)


READY: dict[str, Callable[..., DisplaySpec]] = {  # the MHS module's displays join below
    "matrix": matrix_spec,
    "framework": framework_spec,
    "checklist": checklist_spec,
    "role_ordered": role_ordered_spec,
    "time_ordered": time_ordered_spec,
    "clustered": clustered_spec,
    "case_ordered": case_ordered_spec,
    "effects": effects_spec,
    "cooccurrence": cooccurrence_spec,
    "factors": factors_spec,
    "coverage": coverage_spec,
    **MHS_READY,
}


def ready_spec(project: Project, type: str, **params: Any) -> DisplaySpec:
    """The spec of ready-made display ``type`` with its parameters (missing ones defaulted)."""
    factory = READY.get(type)
    if factory is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown display '{type}' (use {allowed})."),
            type=type,
            allowed=", ".join(READY),
        )
    return factory(project, **complete_params(project, type, params))


# The parameter naming a display's code axis, per type (None: the type has no code list).
CODE_PARAM = {
    "matrix": "codes", "framework": "codes", "checklist": "components",
    "role_ordered": "codes", "time_ordered": "codes", "clustered": "groups",
    "case_ordered": "codes", "effects": "outcomes", "cooccurrence": "codes",
    "factors": "dimensions", "coverage": "codes", **MHS_CODE_PARAMS,
}  # fmt: skip
ROLE_ATTRIBUTE = "Jabatan"
RANK_TYPES = ("number", "integer", "date")


def complete_params(project: Project, type: str, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with every required parameter of ``type`` filled by a sensible default.

    So every ready-made display builds from its type alone: a checklist takes the
    first code with sub-codes, a role-ordered matrix the role attribute
    (Jabatan, else the first text attribute), a case-ordered matrix the first
    numeric or date attribute, a clustered matrix one group per top-level code
    and an effects matrix the top-level codes by the role attribute. A default
    that cannot be found is a clear error naming the option to give.
    """
    out = {k: v for k, v in params.items() if v is not None}
    codes = out.pop("codes", None) if CODE_PARAM.get(type) != "codes" else out.get("codes")
    if type == "checklist":
        if codes is not None and "components" not in out:
            out["components"] = codes
        if "variable" not in out and "components" not in out:
            out["variable"] = _first_parent(project)
    elif type == "role_ordered":
        out.setdefault("role", _role_attribute(project))
    elif type == "case_ordered":
        out.setdefault("order_by", _rank_attribute(project))
    elif type == "clustered":
        if "groups" not in out:
            ids = codes if codes else top_level_codes(project)
            names = {int(c.id): c.name for c in project.codes.all()}
            out["groups"] = {names[i]: [i] for i in ids}
    elif type == "effects":
        out.setdefault("outcomes", codes if codes else top_level_codes(project))
        if out.get("group") is None and out.get("cutoff") is None:
            out["group"] = _role_attribute(project)
    elif type == "factors" and codes is not None:
        out.setdefault("dimensions", codes)
    elif type in MHS_CODE_PARAMS and codes is not None:
        out.setdefault(MHS_CODE_PARAMS[type], codes)
    return out


def _first_parent(project: Project) -> int:
    codes = project.codes.all()
    parents = {c.parent_id for c in codes if c.parent_id is not None}
    for c in codes:
        if c.parent_id is None and c.id in parents:
            return c.id
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "A checklist needs a code with sub-codes."))


def _role_attribute(project: Project) -> str:
    attrs = project.attributes.all("case")
    for a in attrs:
        if a.name.casefold() == ROLE_ATTRIBUTE.casefold():
            return a.name
    for a in attrs:
        if a.type in ("text", "category"):
            return a.name
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "This display needs a case attribute holding roles.")
    )


def _rank_attribute(project: Project) -> str:
    for a in project.attributes.all("case"):
        if a.type in RANK_TYPES:
            return a.name
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "Name the case attribute to order the cases by.")
    )


def build_ready(project: Project, type: str, **params: Any) -> Display:
    """Build ready-made display ``type`` now."""
    from qualcode.analysis.engine import build_display

    return build_display(project, ready_spec(project, type, **params))


def code_ids_by_name(project: Project, names: Sequence[str]) -> list[int]:
    """Code ids for names or ``Parent/Child`` paths."""
    return [project.codes.find(n).id for n in names]


def customised_spec(
    project: Project,
    type: str,
    params: dict[str, Any],
    *,
    rows: str | None = None,
    columns: str | None = None,
    measure: str | None = None,
    cell: str | None = None,
    conclusion_column: str | None = None,
    conclusion_row: str | None = None,
) -> DisplaySpec:
    """A ready-made display's spec with the user's own rows, columns, measure or cell content,
    and a column and/or row for the researcher's conclusion ("Kesimpulan").

    ``rows``/``columns`` use the short dimension forms of :func:`parse_dim`; a
    column dimension the builder already took as a parameter is not applied twice.
    """
    spec = ready_spec(project, type, **params)
    changes: dict[str, Any] = {}
    if rows:
        changes["rows"] = _with_codes(parse_dim(rows, project), spec.rows, spec.columns)
    if columns and "columns" not in params:
        changes["columns"] = _with_codes(parse_dim(columns, project), spec.columns, spec.rows)
    if measure:
        changes["measure"] = measure
    if cell:
        changes["cell"] = cell
    spec = spec.with_(**changes) if changes else spec
    return with_conclusion(spec, column=conclusion_column, row=conclusion_row)


def with_conclusion(
    spec: DisplaySpec, *, column: str | None = None, row: str | None = None
) -> DisplaySpec:
    """``spec`` with a column and/or row (labelled e.g. "Kesimpulan") holding no codings, for
    the researcher's conclusion: its cells take summaries like any cell of a saved display."""
    changes: dict[str, Any] = {}
    for key, label in (("columns", column), ("rows", row)):
        if label and label.strip():
            dim: Dim = getattr(spec, key)
            extra = [*(dim.get("extra") or []), label.strip()]
            changes[key] = Dim.of(dim.kind, **{**dict(dim.params), "extra": extra})
    return spec.with_(**changes) if changes else spec


def _with_codes(dim: Dim, *before: Dim) -> Dim:
    """A bare ``codes`` axis keeps the codes the display was given (``--rows codes --codes X``)."""
    if dim.kind != "codes" or dim.get("ids") is not None or dim.get("children_of") is not None:
        return dim
    for old in before:
        if old.kind == "codes" and (old.get("ids") is not None or old.get("children_of")):
            return Dim.of("codes", **{**dict(old.params), **dict(dim.params)})
    return dim
