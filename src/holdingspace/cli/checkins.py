"""Check-ins, session ratings, instruments, the safety plan, crisis help and the library."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.panel import Panel
from rich.prompt import IntPrompt
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from holdingspace.cli.common import (
    FriendlyGroup,
    console,
    open_context,
    print_json,
    say,
    write_output,
)
from holdingspace.core import checkin_messages as msg
from holdingspace.core.errors import HoldingspaceError, InvalidInput
from holdingspace.core.instruments import Instrument, InstrumentScore, Item
from holdingspace.core.rating import LOW_TOTAL, Concern
from holdingspace.core.safety_plan import SECTIONS, SafetyPlan
from holdingspace.library.topics import Topic
from holdingspace.services import checkins as service
from holdingspace.services.checkins import (
    BUILT_IN,
    CheckinService,
    CrisisHelp,
    RatedSession,
    ScoredCheckIn,
)

T = TypeVar("T")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
AnswersOption = Annotated[
    Path | None,
    typer.Option("--answers", help="A filled-in --template (JSON) instead of the questions."),
]
TemplateOption = Annotated[
    bool, typer.Option("--template", help="Print the answers template (JSON) and stop.")
]
GROUP_HEADINGS = {
    "labels": msg.SCORE_HEADING_LABELS,
    "dimensions": msg.SCORE_HEADING_DIMENSIONS,
    "indices": msg.SCORE_HEADING_INDICES,
}
GROUP_NOTES = {"indices": msg.SCORE_INDICES_NOTE}

checkin_app = typer.Typer(
    cls=FriendlyGroup,
    invoke_without_command=True,
    help="The weekly check-in: a few questions about the last seven days.",
)
instrument_app = typer.Typer(
    cls=FriendlyGroup, no_args_is_help=True, help="Questionnaires you can check in with."
)


@contextmanager
def _service() -> Iterator[CheckinService]:
    context = open_context()
    try:
        yield CheckinService(context)
    finally:
        context.close()


def _with_service(action: Callable[[CheckinService], T]) -> T:
    with _service() as checkins:
        return action(checkins)


def read_json_file(path: Path) -> Any:
    try:
        return json.loads(path.expanduser().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput(msg.ANSWERS_FILE_UNREADABLE.format(path=path)) from None


# --- the check-in ----------------------------------------------------------------------------


@checkin_app.callback()
def checkin(
    ctx: typer.Context,
    instrument: Annotated[
        str | None, typer.Option("--instrument", help="Which questionnaire (default: weekly).")
    ] = None,
    template: TemplateOption = False,
    answers: AnswersOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check in on the last seven days (interactive, or --template / --answers for scripts)."""
    if ctx.invoked_subcommand is not None:
        return
    chosen = instrument or service.WEEKLY_CHECKIN
    if template:
        if chosen in BUILT_IN:
            print_json(service.built_in_instrument(chosen).template())
        else:
            print_json(_with_service(lambda checkins: checkins.template(chosen)))
        return
    document = None if answers is None else read_json_file(answers)
    with _service() as checkins:
        if document is not None:
            done = checkins.take_document(document, instrument)
        else:
            done = checkins.take(ask_items(checkins.instrument(chosen)), chosen)
    if as_json:
        print_json(done.to_dict())
    else:
        show_scored(done)
        say(msg.CHECKIN_SAVED)


def ask_answer(item: Item, question: str, *, show_choices: bool = True) -> int:
    """One answer on the item's scale; asked again, in our words, until it is one."""
    asking = IntPrompt(
        question, console=console, choices=[str(v) for v in item.values], show_choices=show_choices
    )
    retry = msg.ANSWER_RETRY.format(low=item.lowest, high=item.highest)
    asking.validate_error_message = retry
    asking.illegal_choice_message = retry
    try:
        return asking()
    except EOFError:
        raise InvalidInput(msg.ANSWERS_NO_TERMINAL) from None


def ask_items(instrument: Instrument) -> dict[str, object]:
    say(msg.CHECKIN_INTRO)
    for line in instrument.introductions:
        console.print(Text(line, style="bold"))
    answers: dict[str, object] = {}
    for number, item in enumerate(instrument.items, start=1):
        console.print()
        console.print(Text(f"{number}/{len(instrument.items)}  {item.text}", style="bold"))
        console.print(Text("   " + "   ".join(f"{c.value} {c.display}" for c in item.choices)))
        answers[item.id] = ask_answer(item, msg.CHECKIN_ASK)
    return answers


def show_scored(done: ScoredCheckIn) -> None:
    show_score(done.score)
    console.print(Text(done.instrument.notice or msg.CHECKIN_NOT_A_TEST, style="dim"))


def show_score(score: InstrumentScore) -> None:
    topics: list[str] = []
    for group, scores in score.groups().items():
        table = Table(
            title=GROUP_HEADINGS.get(group, msg.SCORE_HEADING_OTHER),
            title_justify="left",
            caption=GROUP_NOTES.get(group),
            caption_justify="left",
        )
        for column in (msg.SCORE_COLUMN_NAME, msg.SCORE_COLUMN_SCORE, msg.SCORE_COLUMN_READING):
            table.add_column(column)
        for each in scores.values():
            band = each.band
            table.add_row(
                each.subscale.title,
                f"{shown_score(each.value)} / {shown_score(each.highest)}",
                band.reading if band else "",
            )
            if band and band.topic and band.topic not in topics:
                topics.append(band.topic)
        console.print(table)
    for topic_id in topics:
        say(msg.RATING_READ_MORE.format(topic=topic_id))


def shown_score(value: float) -> str:
    """A score as shown: one decimal at most (2.67 as 2.7, 2.0 as 2)."""
    return f"{round(value, 1):g}"


@checkin_app.command("history")
def checkin_history(
    instrument: Annotated[str | None, typer.Option("--instrument", help="Only this one.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Your past check-ins and their scores, oldest first."""
    found = _with_service(lambda checkins: checkins.history(instrument))
    if as_json:
        print_json([done.to_dict() for done in found])
        return
    if not found:
        say(msg.CHECKIN_HISTORY_EMPTY)
        return
    for done in found:
        console.print(Rule(f"{done.checkin.taken_at:%a %Y-%m-%d %H:%M} · {done.instrument.title}"))
        show_score(done.score)


@checkin_app.command("export")
def checkin_export(
    format_name: Annotated[str, typer.Option("--format", help="Only 'fhir' for now.")] = "fhir",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not the screen.")
    ] = None,
) -> None:
    """Export check-ins as FHIR R4 QuestionnaireResponses (a Bundle, JSON)."""
    if format_name.lower() != "fhir":
        raise InvalidInput(msg.EXPORT_UNKNOWN_FORMAT.format(format=format_name, choices="fhir"))
    text = _with_service(lambda checkins: checkins.export_fhir())
    if output is None:
        console.file.write(text + "\n")
    else:
        write_output(output, text.encode("utf-8"))


# --- the session rating -------------------------------------------------------------------------


def rate(
    session_id: Annotated[
        int, typer.Argument(help="The session's id (holdingspace session list).")
    ],
    template: TemplateOption = False,
    answers: AnswersOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rate a session in under a minute: four questions from 0 to 10."""
    if template:
        print_json(service.built_in_instrument(service.SESSION_RATING).template())
        return
    document = None if answers is None else read_json_file(answers)
    with _service() as checkins:
        session = checkins.check_session(session_id)
        if document is not None:
            rated = checkins.rate_document(session_id, document)
        else:
            say(msg.RATING_INTRO)
            say(msg.RATING_THINKING.format(day=service.spoken_day(session.starts_at)))
            rated = checkins.rate(
                session_id, ask_items_plain(checkins.instrument(service.SESSION_RATING))
            )
    if as_json:
        print_json(rated.to_dict())
    else:
        show_rating(rated)


def ask_items_plain(instrument: Instrument) -> dict[str, object]:
    answers: dict[str, object] = {}
    for item in instrument.items:
        console.print()
        console.print(Text(item.text, style="bold"))
        question = msg.RATING_ASK.format(low=item.lowest, high=item.highest)
        answers[item.id] = ask_answer(item, question, show_choices=False)
    return answers


def show_rating(rated: RatedSession) -> None:
    reading = rated.reading
    say(
        msg.RATING_SAVED.format(
            session_id=rated.rating.session_id, total=reading.total, highest=rated.highest
        )
    )
    if not reading.felt_off:
        say(msg.RATING_STEADY)
        return
    console.print(Text(msg.RATING_OFF, style="bold"))
    if Concern.LOW_TOTAL in reading.concerns:
        say(
            msg.RATING_OFF_LOW.format(
                total=reading.total, highest=rated.highest, threshold=LOW_TOTAL
            )
        )
    if Concern.DROP in reading.concerns:
        say(
            msg.RATING_OFF_DROP.format(
                total=reading.total, drop=f"{reading.drop:g}", usual=f"{reading.usual:g}"
            )
        )
    say(msg.RATING_READ_MORE.format(topic=reading.topic))


# --- instruments ---------------------------------------------------------------------------------


@instrument_app.command("add")
def instrument_add(
    file: Annotated[Path, typer.Argument(help="A FHIR R4 Questionnaire (JSON) to score with.")],
) -> None:
    """Add a questionnaire, for example a validated one you hold a licence for."""
    definition = read_json_file(file)
    added = _with_service(lambda checkins: checkins.add_instrument(definition))
    say(msg.INSTRUMENT_ADDED.format(id=added.id, title=added.title, count=len(added.items)))


@instrument_app.command("list")
def instrument_list(as_json: JsonOption = False) -> None:
    """The questionnaires you can check in with."""
    found = _with_service(lambda checkins: checkins.instruments())
    rows = [
        {
            "id": each.id,
            "title": each.title,
            "items": len(each.items),
            "source": msg.INSTRUMENT_SOURCE_BUILTIN if built_in else msg.INSTRUMENT_SOURCE_ADDED,
        }
        for each, built_in in found
    ]
    if as_json:
        print_json(rows)
        return
    table = Table()
    for column in ("id", "title", "items", "source"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(value) for value in row.values()))
    console.print(table)


# --- the safety plan and crisis help ----------------------------------------------------------


def safety_plan(
    edit: Annotated[bool, typer.Option("--edit", help="Write it, one part at a time.")] = False,
    from_file: Annotated[
        Path | None, typer.Option("--from", help="Replace it with this JSON file.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show your safety plan, or write it (--edit, or --from FILE.json)."""
    document = None if from_file is None else read_json_file(from_file)
    with _service() as checkins:
        if document is not None:
            plan = checkins.save_safety_plan_document(document)
            say(msg.SAFETY_PLAN_SAVED)
        elif edit:
            plan = checkins.save_safety_plan(edit_plan(checkins.safety_plan()))
            say(msg.SAFETY_PLAN_SAVED)
        else:
            plan = checkins.safety_plan()
    if as_json:
        print_json(plan.to_dict())
    else:
        show_plan(plan)


def edit_plan(plan: SafetyPlan) -> SafetyPlan:
    say(msg.SAFETY_PLAN_EDIT_INTRO)
    for section in SECTIONS:
        title, hint = msg.SAFETY_PLAN_SECTIONS[section]
        console.print(Rule(title))
        say(hint)
        for line in plan.lines(section):
            say(f"{msg.SAFETY_PLAN_EDIT_LINE} {line}")
        lines = read_lines()
        if lines:
            plan = plan.with_section(section, lines)
    return plan


def read_lines() -> list[str]:
    lines: list[str] = []
    while True:
        try:
            line = console.input(f"{msg.SAFETY_PLAN_EDIT_LINE} ")
        except EOFError:
            return lines
        if not line.strip():
            return lines
        lines.append(line)


def show_plan(plan: SafetyPlan) -> None:
    if plan.is_empty:
        say(msg.SAFETY_PLAN_EMPTY)
        return
    body = Text()
    for section in SECTIONS:
        title, _ = msg.SAFETY_PLAN_SECTIONS[section]
        body.append(f"{title}\n", style="bold")
        for line in plan.lines(section) or (msg.SAFETY_PLAN_SECTION_EMPTY,):
            body.append(f"  · {line}\n")
    console.print(Panel(body, title=msg.SAFETY_PLAN_TITLE))


def show_crisis(help_now: CrisisHelp) -> None:
    """The crisis lines for the region, then the person's own plan (used wherever risk shows)."""
    region = help_now.region
    body = Text()
    body.append(msg.CRISIS_EMERGENCY.format(region=region.name, number=region.emergency) + "\n\n")
    for line in region.lines:
        body.append(f"{line.name}\n", style="bold")
        ways = [
            msg.CRISIS_LINE_PHONE.format(phone=line.phone) if line.phone else "",
            msg.CRISIS_LINE_TEXT.format(text=line.text) if line.text else "",
            msg.CRISIS_LINE_WEB.format(web=line.web) if line.web else "",
            msg.CRISIS_LINE_HOURS.format(hours=line.hours) if line.hours else "",
        ]
        body.append("  " + " · ".join(way for way in ways if way) + "\n")
        checked = msg.CRISIS_LINE_VERIFIED if line.phone or line.text else msg.CRISIS_LINE_CHECKED
        body.append("  " + checked.format(verified=line.verified) + "\n", style="dim")
    body.append("\n" + msg.CRISIS_NOT_THERAPY)
    console.print(Panel(body, title=msg.CRISIS_HEADING, border_style="red"))
    if help_now.plan is not None:
        show_plan(help_now.plan)


def crisis(
    region: Annotated[
        str | None, typer.Option("--region", help="Show another region's lines, e.g. GB.")
    ] = None,
) -> None:
    """Crisis lines for your region, then your own safety plan."""
    try:
        help_now = _with_service(lambda checkins: checkins.crisis_help(region))
    except (HoldingspaceError, typer.Abort):
        help_now = service.crisis_help_without_journal(region)
    show_crisis(help_now)
    codes = ", ".join(service.region_codes())
    say(msg.CRISIS_REGION_HINT.format(region=help_now.region.code, codes=codes))


def region(
    code: Annotated[str | None, typer.Argument(help="A region code such as US, GB or IE.")] = None,
) -> None:
    """Show or choose the region whose crisis lines you see."""
    with _service() as checkins:
        chosen = checkins.region() if code is None else checkins.set_region(code)
    template = msg.REGION_SHOW if code is None else msg.REGION_SET
    say(template.format(region=chosen.code, name=chosen.name))


# --- the library --------------------------------------------------------------------------------


def learn(
    topic_id: Annotated[
        str | None, typer.Argument(metavar="TOPIC", help="A topic to read.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Find topics that mention these words.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """The library: read about attachment to a therapist, and what can help."""
    if topic_id is not None:
        show_topic(service.topic(topic_id), as_json)
        return
    found = list(service.topics()) if search is None else service.search_topics(search)
    if as_json:
        print_json([{"id": t.id, "title": t.title, "summary": t.summary} for t in found])
        return
    if not found:
        say(msg.LEARN_NO_MATCH.format(words=search))
        return
    table = Table(title=msg.LEARN_HEADING, title_justify="left")
    for column in (msg.LEARN_COLUMN_TOPIC, msg.LEARN_COLUMN_TITLE, msg.LEARN_COLUMN_SUMMARY):
        table.add_column(column)
    for each in found:
        table.add_row(each.id, each.title, each.summary)
    console.print(table)
    say(msg.LEARN_HINT)


def show_topic(found: Topic, as_json: bool) -> None:
    sources = service.references_of(found)
    if as_json:
        print_json(
            {
                "id": found.id,
                "title": found.title,
                "summary": found.summary,
                "labels": list(found.labels),
                "related": list(found.related),
                "references": [source.key for source in sources],
                "body": found.body,
            }
        )
        return
    from rich.markdown import Markdown  # markdown-it is only needed to read a page

    console.print(Markdown(f"# {found.title}\n\n{found.body}"))
    if found.related:
        say(msg.LEARN_RELATED.format(topics=", ".join(found.related)))
    for source in sources:
        where = source.url or (f"https://doi.org/{source.doi}" if source.doi else "")
        console.print(
            Text(
                f"[{source.key}] {source.authors} ({source.year}). {source.title}. "
                f"{source.source}. {where}".rstrip(),
                style="dim",
            )
        )


def prompt(
    label: Annotated[
        str | None,
        typer.Option("--label", help="A sign (e.g. missing) or a moment (e.g. before_session)."),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Show every prompt, not one.")] = False,
) -> None:
    """A writing prompt, so a blank page is never the start."""
    key = label or "general"
    chosen = list(service.prompts(key)) if show_all else [service.one_prompt(key)]
    say(msg.PROMPT_INTRO)
    for each in chosen:
        say(f"  {each}")


def register(app: typer.Typer) -> None:
    app.add_typer(checkin_app, name="checkin")
    app.add_typer(instrument_app, name="instrument")
    app.command()(rate)
    app.command("safety-plan")(safety_plan)
    app.command()(crisis)
    app.command()(region)
    app.command()(learn)
    app.command()(prompt)
