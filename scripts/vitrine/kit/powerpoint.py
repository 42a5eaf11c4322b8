"""Editable PowerPoint decks: the slides of the PDF deck, written with python-pptx from the same View.

Booth teams change a slide the night before a meeting: every text is a native text box, figures are native text,
a figure's series is a native chart, and only the map, the pictures and the QR code are images. Each run of text
names the font of each script (Latin, East Asian, complex), so that PowerPoint, Keynote and LibreOffice pick the
right one; a right-to-left language gets right-to-left paragraphs and a mirrored layout. The speaker notes of a
slide give the source and year of every figure on it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Mm, Pt

from vitrine.fonts import LATIN_FAMILY
from vitrine.kit.archives import reproducible_zip
from vitrine.kit.render import first_sentence
from vitrine.view import FigureView, View

SLIDE_WIDTH, SLIDE_HEIGHT = Mm(254), Mm(142.875)
MARGIN_X, MARGIN_Y = Mm(16), Mm(12)
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN_X
GREY = RGBColor(0x4A, 0x55, 0x66)
INK = RGBColor(0x1D, 0x24, 0x30)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
# The document's dates: fixed, so that the same content gives the same bytes.
FIXED_MOMENT = dt.datetime(2000, 1, 1)


@dataclass(frozen=True)
class Run:
    text: str
    size: float  # points
    bold: bool = False
    colour: RGBColor = INK
    language: str | None = None  # when the run is in another language than the deck's


@dataclass(frozen=True)
class DeckInputs:
    """What a deck shows, as the PDF deck's template gets it."""

    view: View
    title: str
    slides: list[tuple[str, Any]]
    event: Any  # an EventView, or None
    contact_ids: list[str]
    figure_ids: list[str]  # the figures slide's
    qr_png: bytes
    short_url: str
    map_png: bytes | None
    picture: Callable[[str], bytes]  # a media file of the content (media/iter.svg) as PNG


class DeckWriter:
    def __init__(self, inputs: DeckInputs) -> None:
        self.inputs = inputs
        self.view = inputs.view
        self.rtl = self.view.direction == "rtl"
        self.primary = RGBColor.from_string(self.view.brand.primary.lstrip("#"))
        self.accent = RGBColor.from_string(self.view.brand.accent.lstrip("#"))
        own = self.view.language.font
        self.fonts = {"latin": LATIN_FAMILY, "ea": own, "cs": own}
        self.presentation = Presentation()
        self.presentation.slide_width = SLIDE_WIDTH
        self.presentation.slide_height = SLIDE_HEIGHT
        self.blank = self.presentation.slide_layouts[6]

    # --- building blocks ----------------------------------------------------------------------------------

    def box(self, x: int, y: int, width: int, height: int) -> tuple[Emu, Emu, Emu, Emu]:
        """A frame given from the start of the line (left in a left-to-right language, right otherwise)."""
        if self.rtl:
            x = SLIDE_WIDTH - x - width
        return Emu(x), Emu(y), Emu(width), Emu(height)

    def text(
        self, slide: Slide, frame: tuple[int, int, int, int], paragraphs: Sequence[Sequence[Run]], anchor: Any = None
    ) -> Any:
        shape = slide.shapes.add_textbox(*self.box(*frame))
        body = shape.text_frame
        body.word_wrap = True
        # A longer text in another language shrinks to its box (PowerPoint, Keynote and LibreOffice all honour it).
        body.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        body.margin_left = body.margin_right = body.margin_top = body.margin_bottom = 0
        if anchor is not None:
            body.vertical_anchor = anchor
        for index, runs in enumerate(paragraphs):
            paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
            paragraph.alignment = PP_ALIGN.RIGHT if self.rtl else PP_ALIGN.LEFT
            if self.rtl:
                paragraph._p.get_or_add_pPr().set("rtl", "1")
            for run in runs:
                self._run(paragraph, run)
        return shape

    def _run(self, paragraph: Any, run: Run) -> None:
        added = paragraph.add_run()
        added.text = run.text
        added.font.size = Pt(run.size)
        added.font.bold = run.bold
        added.font.color.rgb = run.colour
        properties = added._r.get_or_add_rPr()
        properties.set("lang", run.language or self.view.code)
        for script in ("latin", "ea", "cs"):
            element = properties.find(qn(f"a:{script}"))
            if element is None:
                element = etree.SubElement(properties, qn(f"a:{script}"))
            element.set("typeface", self.fonts[script])

    def rule(self, slide: Slide, x: int, y: int, width: int, colour: RGBColor, height: int = Mm(1.2)) -> None:
        """A thin bar of colour (the brand's accent above figures and arguments)."""
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *self.box(x, y, width, height))
        bar.fill.solid()
        bar.fill.fore_color.rgb = colour
        bar.line.fill.background()

    def title(self, slide: Slide, words: str) -> None:
        self.text(slide, (MARGIN_X, MARGIN_Y, CONTENT_WIDTH, Mm(16)), [[Run(words, 28, True, self.primary)]])

    def figure(self, slide: Slide, figure: FigureView, x: int, y: int, width: int, size: float = 28) -> None:
        language = figure.language if figure.language != self.view.code else None
        self.rule(slide, x, y, width, self.accent)
        self.text(
            slide,
            (x, y + Mm(2.5), width, Mm(30)),
            [
                [Run(figure.value, size, True, self.primary), Run(f" {figure.unit}", size * 0.42, False, self.primary)],
                [Run(figure.label, 12, True, INK, language)],
                [
                    Run(
                        f"{self.view.t('labels.source')} {figure.source_name}{self.view.t('labels.separator')}"
                        f"{figure.year}",
                        8,
                        False,
                        GREY,
                        figure.source_language,
                    )
                ],
            ],
        )

    def picture(self, slide: Slide, png: bytes, frame: tuple[int, int, int, int]) -> None:
        slide.shapes.add_picture(io.BytesIO(png), *self.box(*frame))

    def notes(self, slide: Slide, figures: Sequence[FigureView], extra: Sequence[str] = ()) -> None:
        """The speaker notes: the source and year of every figure on the slide (the presenter is asked)."""
        lines = [*extra]
        for figure in figures:
            lines.append(
                f"{figure.label}: {figure.value} {figure.unit}. {self.view.t('labels.source')} {figure.source_name}"
                f"{self.view.t('labels.separator')}{figure.year} — {figure.source_url}"
            )
        if lines:
            notes: Any = slide.notes_slide.notes_text_frame
            notes.text = "\n".join(lines)

    # --- the slides ---------------------------------------------------------------------------------------

    def cover(self, slide: Slide, _shown: Any) -> None:
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = self.primary
        territory = self.view.territory
        self.text(slide, (Mm(22), Mm(16), Mm(210), Mm(24)), [[Run(territory.name, 38, True, WHITE)]])
        self.rule(slide, Mm(22), Mm(42), Mm(160), self.accent, Mm(1.4))
        self.text(slide, (Mm(22), Mm(46), Mm(160), Mm(20)), [[Run(territory.tagline, 20, False, WHITE)]])
        event = self.inputs.event
        lines: list[list[Run]] = []
        if event is not None:
            lines.append([Run(event.name, 22, True, WHITE)])
            lines.append([Run(f"{event.dates} · {event.city}, {self.view.country(event.country)}", 16, False, WHITE)])
            if event.stand:
                lines.append([Run(f"{self.view.t('kit.stand')} {event.stand}", 16, True, WHITE)])
        else:
            lines.append([Run(self.view.t("kit.deck"), 16, False, WHITE)])
        self.text(slide, (Mm(22), Mm(70), Mm(130), Mm(30)), lines)
        self.qr(slide, SLIDE_WIDTH - Mm(16) - Mm(84), SLIDE_HEIGHT - Mm(12) - Mm(30), Mm(84))

    def qr(self, slide: Slide, x: int, y: int, width: int) -> None:
        card = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *self.box(x, y, width, Mm(30)))
        card.fill.solid()
        card.fill.fore_color.rgb = WHITE
        card.line.fill.background()
        card.adjustments[0] = 0.08
        self.picture(slide, self.inputs.qr_png, (x + Mm(3), y + Mm(3), Mm(24), Mm(24)))
        self.text(
            slide,
            (x + Mm(30), y + Mm(4), width - Mm(33), Mm(22)),
            [[Run(self.view.t("kit.scan"), 10, False, INK)], [Run(self.inputs.short_url, 10, True, INK, "en")]],
        )

    def figures(self, slide: Slide, _shown: Any) -> None:
        self.title(slide, self.view.t("kit.in_figures"))
        shown = self.view.figures(self.inputs.figure_ids)
        width = (CONTENT_WIDTH - 2 * Mm(10)) // 3
        for index, figure in enumerate(shown[:6]):
            row, column = divmod(index, 3)
            self.figure(slide, figure, MARGIN_X + column * (width + Mm(10)), Mm(34) + row * Mm(44), width)
        self.notes(slide, shown[:6])

    def map(self, slide: Slide, _shown: Any) -> None:
        territory_map = self.view.territory_map()
        self.title(slide, territory_map.title if territory_map else self.view.t("pages.projects.title"))
        if territory_map is None or self.inputs.map_png is None:
            return
        self.picture(slide, self.inputs.map_png, (MARGIN_X, Mm(30), Mm(128), Mm(90)))
        lines = [
            [
                Run(f"{marker.number}. ", 11, True, self.primary),
                Run(marker.label, 11, True, INK, marker.lang or None),
                Run(f" — {marker.city}", 10, False, GREY),
            ]
            for marker in territory_map.markers
        ]
        lines.append([Run(f"{self.view.t('maps.attribution')} {territory_map.attribution}", 8, False, GREY)])
        self.text(slide, (MARGIN_X + Mm(135), Mm(30), CONTENT_WIDTH - Mm(135), Mm(95)), lines)
        self.notes(slide, [], [territory_map.description, f"{self.view.t('maps.attribution')} Natural Earth"])

    def why_here(self, slide: Slide, arguments: list[Any]) -> None:
        self.title(slide, self.view.t("pages.why-here.title"))
        width = (CONTENT_WIDTH - 2 * Mm(9)) // 3
        for index, argument in enumerate(arguments):
            x = MARGIN_X + index * (width + Mm(9))
            language = argument.text_language if argument.is_fallback else None
            self.rule(slide, x, Mm(34), width, self.accent, Mm(1.4))
            self.text(
                slide,
                (x, Mm(38), width, Mm(80)),
                [
                    [Run(f"{argument.number:02d}", 26, True, self.accent)],
                    [Run(argument.title, 16, True, self.primary, language)],
                    [Run(first_sentence(argument.text), 12, False, INK, language)],
                ],
            )

    def sector(self, slide: Slide, sector: Any) -> None:
        language = sector.text_language if sector.is_fallback else None
        self.text(slide, (MARGIN_X, MARGIN_Y, Mm(140), Mm(18)), [[Run(sector.title, 28, True, self.primary, language)]])
        lines = [[Run(sector.summary, 16, False, INK, language)]]
        if sector.projects:
            names = self.view.t("labels.separator").join(p.title for p in sector.projects)
            lines.append([Run(self.view.t("pages.projects.title"), 12, True, INK)])
            lines.append([Run(names, 12, False, INK)])
        self.text(slide, (MARGIN_X, Mm(32), Mm(140), Mm(45)), lines)
        charts = self.view.charts(sector.figures)
        if charts:
            self.chart(slide, charts[0], (MARGIN_X, Mm(80), Mm(120), Mm(45)))
        for index, figure in enumerate(sector.figures[:3]):
            self.figure(slide, figure, SLIDE_WIDTH - MARGIN_X - Mm(72), Mm(14) + index * Mm(38), Mm(72), 22)
        self.notes(slide, sector.figures[:3])

    def chart(self, slide: Slide, chart: Any, frame: tuple[int, int, int, int]) -> None:
        """A native column chart of a figure's series, its values written as the language writes them."""
        data: Any = CategoryChartData()
        data.categories = [str(bar.year) for bar in chart.bars]
        values = [
            point.value for point in sorted(self.view.model.figures[chart.figure.id].data.series, key=lambda p: p.year)
        ]
        data.add_series(chart.figure.label, values)
        frame_shape: Any = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *self.box(*frame), data)
        graphic = frame_shape.chart
        graphic.has_legend = False
        graphic.has_title = True
        graphic.chart_title.text_frame.text = chart.title
        graphic.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        graphic.value_axis.visible = False
        graphic.value_axis.has_major_gridlines = False
        series = graphic.plots[0].series[0]
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = self.primary
        for point, bar in zip(series.points, chart.bars, strict=True):
            label = point.data_label
            label.has_text_frame = True
            label.text_frame.text = bar.value
            label.text_frame.paragraphs[0].runs[0].font.size = Pt(10)

    def projects(self, slide: Slide, projects: list[Any]) -> None:
        project = projects[0]
        language = project.text_language if project.is_fallback else None
        text_x = MARGIN_X
        if project.image is not None:
            self.picture(slide, self.inputs.picture(project.image.file), (0, 0, Mm(120), SLIDE_HEIGHT))
            text_x = Mm(132)
        width = SLIDE_WIDTH - text_x - MARGIN_X
        self.text(
            slide,
            (text_x, Mm(14), width, Mm(70)),
            [
                [Run(self.view.t("pages.projects.title").upper(), 11, True, self.accent)],
                [Run(project.title, 26, True, self.primary, language)],
                [Run(f"{project.city} · {project.status_label}", 12, False, GREY)],
                [Run(project.summary, 14, False, INK, language)],
            ],
        )
        figure_width = (width - Mm(5)) // 2
        for index, figure in enumerate(project.figures[:2]):
            self.figure(slide, figure, text_x + index * (figure_width + Mm(5)), Mm(92), figure_width, 20)
        self.notes(slide, project.figures[:2])

    def network(self, slide: Slide, _shown: Any) -> None:
        self.title(slide, self.view.t("labels.network"))
        width = (CONTENT_WIDTH - 2 * Mm(9)) // 3
        for index, organisation in enumerate(self.view.network()):
            row, column = divmod(index, 3)
            x, y = MARGIN_X + column * (width + Mm(9)), Mm(34) + row * Mm(16)
            self.rule(slide, x, y, Mm(1.4), self.accent, Mm(10))
            language = organisation.text_language if organisation.is_fallback else None
            self.text(
                slide,
                (x + Mm(4), y, width - Mm(4), Mm(12)),
                [[Run(organisation.name, 15, True, self.primary, language)]],
            )

    def contacts(self, slide: Slide, _shown: Any) -> None:
        self.title(slide, self.view.t("labels.contact_us"))
        contacts = [self.view.contact(c) for c in self.inputs.contact_ids]
        main, others = contacts[0], contacts[1:]
        lines = [
            [Run(main.name, 18, True, self.primary), Run(f" — {main.organisation_name}", 14, False, INK)],
            [Run(main.role, 13, False, INK)],
            [Run(main.email + (f" · {main.phone}" if main.phone else ""), 13, False, INK, "en")],
        ]
        self.text(slide, (MARGIN_X, Mm(32), Mm(150), Mm(26)), lines)
        width = (Mm(150) - Mm(7)) // 2
        for index, contact in enumerate(others):
            row, column = divmod(index, 2)
            self.text(
                slide,
                (MARGIN_X + column * (width + Mm(7)), Mm(62) + row * Mm(16), width, Mm(14)),
                [
                    [Run(contact.name, 10, True, self.primary), Run(f" — {contact.organisation_name}", 9, False, INK)],
                    [Run(contact.email + (f" · {contact.phone}" if contact.phone else ""), 9, False, INK, "en")],
                ],
            )
        self.qr(slide, SLIDE_WIDTH - MARGIN_X - Mm(62), Mm(32), Mm(62))

    # --- the deck -----------------------------------------------------------------------------------------

    def write(self) -> bytes:
        writers: dict[str, Callable[[Slide, Any], None]] = {
            "cover": self.cover,
            "figures": self.figures,
            "map": self.map,
            "why-here": self.why_here,
            "sector": self.sector,
            "projects": self.projects,
            "network": self.network,
            "contacts": self.contacts,
        }
        for kind, shown in self.inputs.slides:
            slide = self.presentation.slides.add_slide(self.blank)
            writers[kind](slide, shown)
        properties = self.presentation.core_properties
        properties.title = self.inputs.title
        properties.language = self.view.code
        properties.author = self.view.publisher
        properties.last_modified_by = self.view.publisher
        properties.revision = 1
        properties.created = properties.modified = FIXED_MOMENT
        buffer = io.BytesIO()
        self.presentation.save(buffer)
        return reproducible_zip(buffer.getvalue())


def write_deck(inputs: DeckInputs) -> bytes:
    """The deck as an editable PowerPoint file, the same bytes for the same content."""
    return DeckWriter(inputs).write()
