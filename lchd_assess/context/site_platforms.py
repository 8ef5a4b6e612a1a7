"""Survey platforms on the documentation site: one page per platform, and an overview.

Each page says how to set the survey up on the platform from `lchd-assess export instrument`,
how to download the answers, the import command, and what the import checks and leaves out.
The answer codes, column names and metadata lists are read from the format modules and the
instrument, the same values the exporters and readers use, so the pages cannot drift from them.
The page models are built here (issue 14: context/ builds typed contexts); site/platforms.py
makes them pages.
"""

from dataclasses import dataclass
from typing import Any

from .site_pages_use import PlatformPage, PlatformsPage
from ..load.translation import available_languages
from .site_links import SiteContext

FOLDER = "survey-platforms"


@dataclass(frozen=True)
class Guide:
    slug: str
    name: str
    export_format: str
    export_file: str
    import_format: str
    download: str  # what the user downloads, as the command's FILE
    setup: tuple[str, ...]
    export_steps: tuple[str, ...]
    notes: tuple[str, ...] = ()
    extra_options: str = ""


GUIDES: tuple[Guide, ...] = (
    Guide(
        "redcap",
        "REDCap",
        "redcap",
        "lchd-readiness-dictionary.csv",
        "redcap",
        "export.csv",
        setup=(
            "Create a project (or use a development-status project) and open **Project Setup → Data Dictionary**.",
            "Upload `lchd-readiness-dictionary.csv`. An upload replaces the project's whole dictionary, so use a project for the self-assessment alone.",
            "Enable surveys for the project and for the instrument if members answer it as a survey; let REDCap number the records (record IDs are respondent codes, never names).",
            "For a second wave, use a longitudinal project with one event per wave, or a new project.",
        ),
        export_steps=(
            "Open **Data Exports, Reports, and Stats**, choose *All data (all records and fields)* and export as **CSV / Microsoft Excel (raw data)**; the labels version also works.",
            "Keep the file as REDCap gave it (its byte-order mark is fine); do not re-save it in a spreadsheet.",
        ),
        notes=(
            "Longitudinal projects: each unique event name (`redcap_event_name`, such as `baseline_arm_1`) is one wave; name it with `--event`.",
            "`<form>_complete` is read: records still marked *Incomplete* are imported with the answers they have and counted in a note.",
        ),
        extra_options=" --event baseline_arm_1",
    ),
    Guide(
        "kobotoolbox",
        "KoboToolbox",
        "xlsform",
        "lchd-readiness.xlsx",
        "kobo",
        "export.csv",
        setup=(
            "In KoboToolbox, create a new project and choose **Upload an XLSForm**; upload `lchd-readiness.xlsx`, then **Deploy**.",
            "Keep the question names as they are: they are the instrument's item IDs (`P1.Q1` …), which the import reads.",
        ),
        export_steps=(
            "Open the project's **DATA → Downloads**, choose **CSV** (or XLS), value and header format *XML values and headers* (labels also work), and export.",
            "Group names in the headers (`P1/P1.Q1`) and the semicolon separator KoboToolbox uses are both read.",
        ),
        notes=("Submissions marked *Not approved* in KoboToolbox's validation status are left out.",),
    ),
    Guide(
        "odk-central",
        "ODK Central (ODK Collect, Enketo)",
        "xlsform",
        "lchd-readiness.xlsx",
        "odk",
        "submissions.zip",
        setup=(
            "In ODK Central, open the project, choose **New form** and upload `lchd-readiness.xlsx`; publish it.",
            "Members answer in ODK Collect or in the browser (Enketo) through a public link.",
        ),
        export_steps=(
            "Open the form's **Submissions** and **Download** the CSV. Central hands over a .zip; import it as it is (the main CSV inside is read) or unzip it first.",
        ),
        notes=(
            "Submissions whose review state is *Rejected* are left out. `SubmitterName` and `DeviceID` are personal data and never read.",
        ),
    ),
    Guide(
        "fhir",
        "FHIR (R4)",
        "fhir",
        "lchd-readiness-questionnaire.json",
        "fhir",
        "responses.json",
        setup=(
            "Load `lchd-readiness-questionnaire.json` (a Questionnaire with a canonical URL and the instrument version) and `lchd-readiness-questionnaire.codesystems.json` (a Bundle of the answer, sector and role CodeSystems) into your FHIR server or form filler.",
            "Each question's linkId is the item ID; levels 0–4 carry the `itemWeight` extension, Don't know and Not applicable carry none (they are never scores).",
        ),
        export_steps=(
            "Save the QuestionnaireResponses as JSON: one resource, a JSON array, or a Bundle (for example a search for responses to the questionnaire's URL).",
        ),
        notes=(
            "A response whose `questionnaire` names another instrument version is refused. `subject`, `author` and `source` point at people: they are never read.",
        ),
    ),
    Guide(
        "google-forms",
        "Google Forms",
        "forms-text",
        "lchd-readiness-questions.txt",
        "forms",
        "responses.zip",
        setup=(
            "Create a blank form and paste the form description from the text file.",
            "For each block, add a **Multiple choice** question: paste the first line as the title, keeping the tag in square brackets (`[P1.Q1]`, `[sector]`, `[role]`); paste the choice lines into the first option, where each line becomes an option. Mark sector and role as required.",
            "In the form's settings, do not collect e-mail addresses.",
        ),
        export_steps=(
            "Open **Responses**, use the menu (⋮) and **Download responses (.csv)**. The .zip Google gives can be imported as it is.",
        ),
        notes=(
            "Google Forms gives no response ID: respondents are numbered G001, G002 … in the order the export lists them, which stays the same when you download again later.",
            "A `Timestamp` column is ignored; an e-mail column is personal data and never read.",
        ),
    ),
    Guide(
        "microsoft-forms",
        "Microsoft Forms",
        "forms-text",
        "lchd-readiness-questions.txt",
        "forms",
        "responses.xlsx",
        setup=(
            "Create a new form; for each block add a **Choice** question, paste the title line with its tag and the choice lines as its options; make sector and role required.",
            "Set who can respond so that names are not recorded if you can (an anonymous form).",
        ),
        export_steps=("Open **Responses → Open in Excel** and save the workbook (.xlsx).",),
        notes=(
            "Respondents get codes from Microsoft Forms' `ID` column (M1, M2 …). `Email` and `Name` are personal data and never read; the time columns are ignored.",
        ),
    ),
    Guide(
        "qualtrics",
        "Qualtrics",
        "forms-text",
        "lchd-readiness-questions.txt",
        "forms",
        "export.csv",
        setup=(
            "Create a survey; for each block add a **Multiple choice** question with the title line (keep its tag) as the question text and the choice lines as its choices.",
            "Turn on anonymous responses if your licence allows, so that IP address and location are not recorded.",
        ),
        export_steps=(
            "Open **Data & Analysis → Export & Import → Export data**, choose **CSV** and **Use choice text** (not numeric values), and download. The .zip can be imported as it is.",
        ),
        notes=(
            "Qualtrics' three header rows are read: the tags are found in the question-text row. Numbers in answer cells are Qualtrics' recode values, not levels, and are refused. Preview, test and spam responses are left out; IP address, location and recipient columns are personal data and never read.",
        ),
    ),
)


def _codes(inst: Any, raw_codes: dict[str, str]) -> list[dict[str, str]]:

    rows = [{"answer": f"{n} – {lab}", "code": str(n), "redcap": str(n)} for n, lab in enumerate(inst.level_labels)]
    rows += [{"answer": a.label, "code": a.code, "redcap": raw_codes[a.code]} for a in inst.special_answers]
    return rows


def _inputs(ctx: SiteContext) -> tuple[Any, list[dict[str, str]]]:
    """The instrument and its answer codes table (each answer, its code, its REDCap code)."""
    inst = ctx.load_assessment().instrument
    return inst, _codes(inst, ctx.need("raw_codes"))


def platforms_context(ctx: SiteContext) -> PlatformsPage:
    """The survey platforms' index page: every guide and the answer codes."""
    inst, codes = _inputs(ctx)
    return PlatformsPage.trusted(guides=list(GUIDES), codes=codes, version=inst.version)


def platform_context(ctx: SiteContext, guide: Guide) -> PlatformPage:
    """One platform's guide page."""
    inst, codes = _inputs(ctx)
    languages = available_languages(ctx.load_assessment().folder)
    return PlatformPage.trusted(guide=guide, codes=codes, version=inst.version, languages=languages)
