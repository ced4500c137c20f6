"""Every message the data tools show to staff, in one place: validate, the build, new and import.

Each message has a key and a text with {named} slots; code says `messages.text("csv.not_utf8",
byte="0x96")`. The texts are Danish, written for the jobcentre staff who write data/: each says
what is wrong in the author's terms and how to fix it, and most end with the section of the
authoring guide that explains the rule (docs/forfatter.md#anchor; the anchors are set in that
file as {#anchor}). Keep the areas apart: each has its own dict below.
"""

from __future__ import annotations

GUIDE = "docs/forfatter.md"
# How staff run the tools (README and docs/forfatter.md show the same commands).
COMMAND = ".venv/bin/jobcenter"


def _see(anchor: str) -> str:
    """' (se docs/forfatter.md#tal)': the guide's section, at the end of a message."""
    return f" (se {GUIDE}#{anchor})"


# --------------------------------------------------------------------------- YAML files and models
YAML: dict[str, str] = {
    # reading a file
    "syntax": "YAML-fejl: {problem}",
    "bad_character": "indeholder kontroltegnet {code}, som YAML ikke tillader; slet det (det er ofte usynligt)",
    "unreadable": "kan ikke læses ({reason})",
    "not_a_file": "er ikke en fil (en mappe med et navn som en YAML-fil?)",
    "outside_data": "ligger uden for mappen data/ (en genvej til {target}?); datafiler skal ligge i data/",
    "too_large": "filen fylder {size} bytes; en YAML-fil må højst fylde {limit} MB (del dokumentet op, eller læg "
    "tabellerne i CSV-filer)" + _see("regler"),
    "alias": "YAML-ankre og -aliasser (&navn, *navn) må ikke bruges ({what}); skriv værdien helt ud hver gang" + _see("regler"),
    "too_deep": "filen har for mange lag inde i hinanden til at kunne læses; tjek indrykning og parenteser",
    "duplicate_key": "feltet {name!r} står to gange samme sted; behold det ene" + _see("regler"),
    "control_char": "teksten har et usynligt styretegn ({char}), som ikke kan vises på en side eller i en figur; "
    "fjern det" + _see("regler"),
    "not_a_mapping": "øverst i filen skal der stå felter (navn: værdi), men der står {got}" + _see("mapper-og-filer"),
    "placeholder": "indeholder stadig skelettets tekst {placeholder}; skriv dokumentets egen tekst (eller slet "
    "feltet)" + _see("regler"),
    # the parser's problems (YAML syntax), in words; {fix} is the line with its text in quotes
    "syntax_colon": "der står et kolon og et mellemrum (': ') inde i teksten, og så tror YAML, at et nyt felt "
    "begynder; sæt teksten i anførselstegn: {fix}" + _see("tekst"),
    "syntax_colon_plain": "der står et kolon og et mellemrum (': ') inde i en tekst, og så tror YAML, at et nyt "
    'felt begynder; sæt teksten i anførselstegn, fx title: "Mål 2: Flere i job"' + _see("tekst"),
    "syntax_tab": "linjen er rykket ind med tabulator; YAML kræver mellemrum, så ryk ind med mellemrum" + _see("tekst"),
    "syntax_indent": "indrykningen passer ikke med linjerne over; felter på samme niveau skal rykkes lige langt "
    "ind (med mellemrum), og en tekst over flere linjer skal rykkes længere ind end sit felt" + _see("tekst"),
    "syntax_no_colon": "linjen ligner ikke 'felt: værdi'; tjek, at feltnavnet har et kolon efter sig, og at "
    "indrykningen passer med linjerne over" + _see("tekst"),
    "syntax_flow_list": "en liste i [ ] er ikke lukket rigtigt; afslut den med ], og sæt tekster med komma eller "
    "kolon i anførselstegn" + _see("tekst"),
    "syntax_flow_mapping": "felterne i {{ }} er ikke skrevet rigtigt; afslut med }}, adskil felterne med komma, og "
    "brug punktum som decimaltegn (93.5, ikke 93,5)" + _see("tal"),
    "syntax_quote": "et anførselstegn er ikke lukket; afslut teksten med samme slags anførselstegn, som den "
    "begynder med" + _see("tekst"),
    "syntax_after_quote": "der står noget efter et lukkende anførselstegn; sæt hele teksten i anførselstegn, og "
    "skriv et anførselstegn inde i teksten som \\\" (eller brug ' udenom)" + _see("tekst"),
    "syntax_start_char": "teksten begynder med tegnet {char}, som YAML ikke tillader først i en værdi; sæt teksten "
    "i anførselstegn" + _see("tekst"),
    "syntax_tag": "et YAML-mærke (som !!python/…) kan ikke bruges i datafiler; slet mærket",
    "syntax_unhashable_key": "et feltnavn, der er en liste eller en mapping; et feltnavn skal være tekst",
    "syntax_too_deep": "for mange lag af [ ] eller {{ }} inde i hinanden; tjek parenteserne",
    "syntax_undefined_alias": "et alias (*navn) uden et anker; skriv værdien helt ud" + _see("regler"),
    "syntax_two_documents": "filen rummer mere end ét dokument (en linje med ---); hvert dokument skal have sin "
    "egen fil" + _see("mapper-og-filer"),
    "syntax_other": "YAML kan ikke læse linjen ({raw}); tjek indrykning, kolon og anførselstegn" + _see("tekst"),
    # fields (pydantic's errors, in words)
    "missing": "feltet mangler; det skal udfyldes" + _see("{section}"),
    "unknown_field": "feltet findes ikke her (tjek stavningen; feltnavnene er engelske)" + _see("felter"),
    "unknown_field_close": "feltet findes ikke her; mente du {close}?" + _see("felter"),
    "expected_number": "her skal stå et tal, men der står {got}" + _see("tal"),
    "decimal_comma": "{got} er skrevet med komma; brug punktum som decimaltegn: {fix}" + _see("tal"),
    "flow_decimal_comma": "et tal med decimalkomma inde i {{ }}: kommaet deler tallet i to felter ({number} og "
    "{second}); brug punktum som decimaltegn: {fix}" + _see("tal"),
    "expected_whole_number": "her skal stå et helt tal, men der står {got}" + _see("tal"),
    "expected_bool": "her skal stå true (ja) eller false (nej), men der står {got}",
    "expected_text": "her skal stå en tekst, men der står {got}" + _see("tekst"),
    "expected_one_of": "her skal stå en af disse værdier: {expected}; der står {got}",
    "expected_one_of_close": "her skal stå en af disse værdier: {expected}; der står {got}; mente du {close}?",
    "expected_slug": "her må kun stå små bogstaver (a-z), tal og bindestreg, fx 'langtidsledige'; der står {got}",
    "expected_list": "her skal stå en liste (linjer, der begynder med '- ', eller [a, b]), men der står {got}",
    "expected_mapping": "her skal stå felter (navn: værdi), men der står {got}",
    "expected_either": "her skal stå {words}, men der står {got}",
    "too_few_items": "listen skal have mindst {min} element(er)",
    "key_not_text": "{got} er ikke et feltnavn; feltnavne er tekst" + _see("felter"),
    "no_such_date": "{text!r} er ikke en dato i kalenderen" + _see("datoer"),
    "reserved_slug": "{slug!r} er navnet på en af sitets egne mapper; vælg en anden slug (optaget: {reserved})",
    "empty_text": "må ikke være tom; skriv teksten, eller slet feltet, hvis det ikke skal udfyldes" + _see("regler"),
    "not_finite": "her skal stå et almindeligt tal, men der står {got}" + _see("regler"),
    "too_large_number": "{got} er for stort; et tal her må højst være {limit}",
    "too_small_number": "{got} er for lille; et tal her må mindst være {limit}",
    "year_digits": "året skal skrives med fire cifre, fx 2014; {got} er ikke et år fra {low} til {high}" + _see("datoer"),
    "invalid": "værdien {got} kan ikke bruges her",
    # words for expected_either and for what was found ({got})
    "word_or": " eller ",
    "word_number": "et tal",
    "word_whole_number": "et helt tal",
    "word_bool": "true eller false",
    "word_text": "en tekst",
    "word_other": "en anden form",
    "word_mapping": "felter",
    "word_mapping_with": "felterne {fields}",
    "word_nothing": "ingenting",
    "word_a_mapping": "felter (navn: værdi)",
    "word_a_list": "en liste",
    # checks inside the models
    "expected_month": "her skal stå en måned som ÅÅÅÅ-MM, fx 2013-12; der står {got}" + _see("datoer"),
    "expected_date": "her skal stå en dato som ÅÅÅÅ-MM-DD, fx 2013-04-23; der står {got}" + _see("datoer"),
    "expected_digits": "her skal stå {count} cifre, men der står {got}",
    "chart_y_twice": "y nævner samme kolonne mere end én gang" + _see("tabeller"),
    "chart_series_one_y": "med series skal y nævne præcis én kolonne (værdierne)" + _see("tabeller"),
    "chart_facet_target": "en figur med facet kan ikke have en mållinje (target)" + _see("tabeller"),
    "chart_same_columns": "x, series og facet skal være tre forskellige kolonner" + _see("tabeller"),
    "chart_unknown_column": "figuren nævner kolonnen {column}, som ikke står under columns" + _see("tabeller"),
    "chart_colours": "figuren har {series} serier, men {colours} farver; giv én farve pr. serie" + _see("tabeller"),
    "chart_not_text": "chart.{field} skal være en tekstkolonne (type: text); det er {column} ikke" + _see("tabeller"),
    "wide_unknown_column": "wide nævner kolonnen {column}, som ikke står under columns" + _see("brede-tabeller"),
    "wide_column": "wide.column skal være en periode- eller tekstkolonne, og ikke den samme som wide.value"
    + _see("brede-tabeller"),
    "emphasis_unknown_column": "emphasis_column nævner kolonnen {column}, som ikke står under columns" + _see("tabeller"),
    "direction_needs_target": "retningen '{direction}' kræver et mål (target); skriv target, eller brug direction: "
    "qualitative" + _see("maal"),
    "achieved_only_qualitative": "achieved bruges kun ved kvalitative mål; ved et mål med tal regner sitet selv "
    "målopfyldelsen ud" + _see("maal"),
    "fact_slots": "teksten har {slots} '{{}}', men der er {numbers} tal; skriv '{{}}', hvor hvert tal står"
    + _see("beskaeftigelsesplan"),
    "chart_label_one_number": "chart_label kræver præcis ét tal" + _see("beskaeftigelsesplan"),
    "answers_no_kind": "{name} er ikke en dokumenttype; filnavnet begynder med en af: {kinds}" + _see("tilbagemelding"),
    "expected_time": 'her skal stå et klokkeslæt som TT:MM i anførselstegn, fx "16:00"; der står {got}' + _see("referat"),
    "item_number_twice": "punktnummer {number} er brugt to gange (også ved items[{first}])" + _see("referat"),
    "not_a_member": "{name} står ikke blandt medlemmerne ({members}); skriv navnet, som det står under members" + _see("referat"),
    # documents and their place
    "unknown_kind": "ukendt dokumenttype; filnavnet skal begynde med en af: {kinds}" + _see("mapper-og-filer"),
    "unknown_kind_close": "ukendt dokumenttype; mente du {close}? Filnavnet skal begynde med en af: {kinds}"
    + _see("mapper-og-filer"),
    "kind_mismatch": "siger {said!r}, men filnavnet siger {kind!r}; ret feltet, eller slet det" + _see("mapper-og-filer"),
    "unknown_jobcentre": "ukendt jobcenter {slug!r}; tilføj det i data/{registry} (kendte: {known})" + _see("registret"),
    "jobcentre_folder": "siger {slug!r}, men filen ligger i mappen {folder!r}; de to skal passe sammen" + _see("mapper-og-filer"),
    "year_folder": "siger {year}, men filen ligger i mappen {folder!r}; året og mappen skal passe sammen"
    + _see("mapper-og-filer"),
    "minutes_date": "siger {date}, men filnavnet {name} siger en anden dag; navnet og datoen skal passe sammen" + _see("referat"),
    "minutes_name_no_date": "filnavnet {name} har ingen dato, der findes i kalenderen; kald filen "
    "referat-ÅÅÅÅ-MM-DD.yaml efter mødets dato" + _see("referat"),
    # references inside a document
    "unknown_ref": "{{ref:{ref}}} nævner ingen tabel eller figur i dette dokument; brug et id fra tables" + _see("afsnit"),
    "duplicate_id": "{what}-id'et {ident!r} er brugt to gange (først ved {first}); giv hver sit id",
    "no_such_id": "der er ingen {what} med id {ref!r}",
    "plan_goal_no_plan": "henviser til planens mål {goal!r}, men der er endnu ingen beskaeftigelsesplan for {year}",
    "plan_goal_unknown": "der er intet mål med id {goal!r} i {plan}" + _see("maal"),
    # words for {what} in duplicate_id and no_such_id
    "what_table": "tabel",
    "what_goal": "mål",
    "what_minister_goal": "ministermål",
    "what_fact_box": "faktaboks",
    "what_focus_area": "pejlemærke",
    "what_text_fact": "tal i teksten",
    # a document's own claim about a goal that its figures do not support (a warning)
    "claim_field": "mål {goal} ({where})",
    "claim_state": "dokumentet skriver {said!r}, men tallene siger {figures!r}; tjek tallene og målets claims",
    "claim_change": "dokumentet skriver en ændring på {said} pct., men tallene giver {figures}; tjek tallene og målets claims",
    "claim_met_count": "dokumentet skriver, at {said} er opfyldt, men tallene giver {figures}; tjek tallene og målets claims",
    # the report of validate and the build
    "report_head": "{count} fejl i data/:",
    "warning": "advarsel: {text}",
    # the commands validate and new
    "valid": "OK: {documents} og {jobcentres} i {data} er i orden",
    "valid_warnings": " ({warnings})",
    "count_documents": "{count} dokument|{count} dokumenter",  # one|more than one
    "count_jobcentres": "{count} jobcenter|{count} jobcentre",
    "count_warnings": "{count} advarsel|{count} advarsler",
    "new_unknown_kind": "fejl: ukendt dokumenttype {kind}; vælg en af: {kinds}",
    "new_unknown_kind_close": "fejl: ukendt dokumenttype {kind}; mente du {close}? Vælg en af: {kinds}",
    "new_bad_year": "fejl: året {year!r} skal skrives med fire cifre fra {low} til {high}, fx 2014; intet blev skrevet",
    "new_bad_suffix_date": "fejl: endelsen {suffix!r} kan ikke bruges; et referats endelse er mødets dato som "
    "ÅÅÅÅ-MM-DD, fx --suffix 2013-03-06 (filen hedder så referat-2013-03-06.yaml); intet "
    "blev skrevet" + _see("referat"),
    "new_bad_suffix": "fejl: endelsen {suffix!r} kan ikke bruges; en endelse må kun have små bogstaver (a-z), tal og "
    "bindestreg, fx --suffix ekstra; intet blev skrevet" + _see("mapper-og-filer"),
    "new_needs_valid_data": "fejl: ret fejlene ovenfor først; `new` kræver, at data/ er i orden",
    "new_unknown_jobcentre": "fejl: ukendt jobcenter {slug}; tilføj det i {registry} først (kendte: {known})",
    "new_exists": "fejl: {target} findes allerede; intet blev skrevet",
    "new_written": "skrev {target}; erstat hvert «Skriv … her» med dokumentets egen tekst, og kør `" + COMMAND + " validate`",
    # the registry and the folder
    "registry_missing": "registret over jobcentre mangler" + _see("registret"),
    "duplicate_slug": "slug'en {slug!r} er brugt to gange" + _see("registret"),
    "unused_csv": "intet dokument henviser til denne CSV-fil, så den vises ikke" + _see("tabeller"),
    # issue 17: periods, dates, ranks and figures in the text
    "expected_span": "her skal stå en måned (ÅÅÅÅ-MM), et år (ÅÅÅÅ) eller {{start: ÅÅÅÅ-MM, end: ÅÅÅÅ-MM}}; der står {got}"
    + _see("datoer"),
    "span_kind": "skriv en periode som en måned, et år eller start og slut; hvilken slags periode, regner sitet selv ud"
    + _see("datoer"),
    "span_backwards": "perioden slutter, før den begynder; byt om på start og end" + _see("datoer"),
    "expected_document_date": "her skal stå dokumentets dato som ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM når dokumentet kun nævner måneden; "
    "der står {got}" + _see("datoer"),
    "rank_beyond": "placering {position} ligger uden for de {of}, der er rangeret; ret position eller of" + _see("felter"),
    "own_twice": "mere end én sammenligning er markeret own: true; markér kun jobcentrets egen" + _see("felter"),
    "unknown_fact": "{{tal:{ref}}} henviser ikke til et tal i text_facts; tilføj tallet under text_facts eller ret id'et"
    + _see("tal"),
}

# The guide's section for a document kind (for "missing" and such).
KIND_SECTIONS: dict[str, str] = {
    "resultatrevision": "resultatrevision",
    "beskaeftigelsesplan": "beskaeftigelsesplan",
    "tilbagemelding": "tilbagemelding",
    "referat": "referat",
    "registry": "registret",
}

# --------------------------------------------------------------------------- CSV files (tables, series)
CSV: dict[str, str] = {
    # the table's `file:` in the YAML (shown as yaml-file:line: tables[i].file: ...)
    "file_not_found": "filen {file} findes ikke i dokumentets mappe; tjek navnet, eller læg CSV-filen dér" + _see("tabeller"),
    "file_not_found_close": "filen {file} findes ikke i dokumentets mappe; mente du {close}?" + _see("tabeller"),
    "file_bad_name": "{file} kan ikke bruges som filnavn; skriv CSV-filens navn, fx serier/langtidsledige.csv" + _see("tabeller"),
    "file_absolute": "{file} er en fuld sti; skriv CSV-filens navn i forhold til dokumentets mappe (fx "
    "serier/x.csv); intet uden for data/ bliver læst" + _see("tabeller"),
    "file_outside": "{file} fører ud af dokumentets mappe ({folder}); en tabels CSV-fil skal ligge i den mappe "
    "eller en mappe under den; intet uden for den bliver læst" + _see("tabeller"),
    "file_link_outside": "{file} er en genvej (symbolsk link), der fører uden for data/; kopier CSV-filen ind i "
    "dokumentets mappe i stedet; intet uden for data/ bliver læst",
    "file_link_loop": "{file} er en genvej, der peger på sig selv i ring; skriv navnet på en CSV-fil i dokumentets mappe",
    "file_not_regular": "{file} er ikke en almindelig fil (en mappe eller en enhed); skriv navnet på en CSV-fil",
    "unreadable": "filen kan ikke læses ({reason})",
    "file_too_large": "{file} fylder {size} MB; en CSV-fil må højst fylde {limit} MB (del tabellen op, eller udelad "
    "rækker, dokumentet ikke viser); den blev ikke læst",
    # the CSV file itself (shown as csv-file:line: column: ...)
    "not_utf8": "filen er ikke gemt som UTF-8 (byte 0x{byte:02x} på denne linje); gem den som UTF-8 (i Excel: "
    '"CSV UTF-8 (kommasepareret)")' + _see("tabeller"),
    "utf16": 'filen er gemt som UTF-16 (Excels "Unicode-tekst"); gem den som "CSV UTF-8 (kommasepareret)"' + _see("tabeller"),
    "nul_byte": "filen indeholder en NUL-byte på denne linje (en binær eller ødelagt fil); gem tabellen som CSV UTF-8",
    "inner_bom": "et byte order mark (BOM) midt i filen, på denne linje (to filer sat sammen?); slet det",
    # {problem}: one of the quote_* texts below (the csv module's reason, in words)
    "quoting": "fejl i anførselstegn ({problem}); en celle med komma eller anførselstegn skal stå i dobbelte "
    'anførselstegn, og et anførselstegn inde i cellen skrives to gange ("")' + _see("tabeller"),
    "quote_text_after": "der står mere tekst efter et lukkende anførselstegn i samme celle",
    "quote_unclosed": "et anførselstegn er ikke lukket, før filen slutter",
    "quote_cell_too_long": "en celle er længere, end en CSV-celle må være",
    "quote_other": "linjen kan ikke læses som CSV",
    "empty": "filen er tom; første linje skal navngive kolonnerne" + _see("tabeller"),
    "blank_header": "første linje er tom; den skal navngive kolonnerne" + _see("tabeller"),
    "no_rows": "filen har en overskrift, men ingen rækker med tal; tabellen og figuren ville være tomme",
    "too_many_rows": "mere end {limit} rækker; en CSV-fil må højst have {limit} rækker (del tabellen op); resten blev ikke læst",
    "too_many_cells": "mere end {limit} celler; en CSV-fil må højst have {limit} celler (del tabellen op); resten blev ikke læst",
    "too_many_errors": "stoppede efter {limit} fejl i denne fil; ret dem, og kør validate igen",
    "semicolons": "filen har semikolon (;) mellem cellerne, som når dansk Excel gemmer CSV; sitet læser CSV med "
    "komma mellem cellerne og punktum som decimaltegn. Lav filen om med "
    "`" + COMMAND + " import {file} --out {file} --replace`" + _see("import"),
    "tabs": 'filen har tabulator mellem cellerne, ikke komma; gem den som "CSV UTF-8 (kommasepareret)", eller lav '
    "den om med `" + COMMAND + " import {file} --out {file} --replace`" + _see("import"),
    "missing_column": "kolonnen mangler i overskriften (fandt: {found}); overskriften skal have kolonnerne fra "
    "columns" + _see("tabeller"),
    "duplicate_column": "kolonnen {name} står to gange i overskriften (kolonne {first} og {second}); hver kolonne "
    "skal have sit eget navn",
    "row_length": "rækken har {found} værdier, men skal have {expected} (én pr. kolonne)",
    "not_a_number": "her skal stå et tal (punktum som decimaltegn, ingen tusindtalsseparator), men der står {cell}" + _see("tal"),
    "decimal_comma": "{cell} er skrevet med komma; brug punktum som decimaltegn: {fix} (ingen "
    "tusindtalsseparator); en eksport fra jobindsats.dk laves om med `" + COMMAND + " import`" + _see("tal"),
    "thousands": "{cell} ligner et antal skrevet med tusindtalsseparator ({why}); skriv {fix}, uden punktum{hint}" + _see("tal"),
    "thousands_why_decimals": "kolonnen viser 0 decimaler",
    "thousands_why_unit": "kolonnen tæller {unit}",
    "thousands_why_whole": "kolonnens andre værdier er hele tal",
    "thousands_why_groups": "mere end ét punktum",
    "thousands_hint": "; er det virkelig et decimaltal, så skriv `decimals: 3` ved kolonnen",
    "too_large": "{cell} er større end et tal må være (højst {limit})",
    "no_such_date": "{cell} er ikke en dato ({why}); skriv måneden som {fix}" + _see("datoer"),
    "days_in_month": "{month} {year} har {days} dage",
    "year_zero": "her skal stå en måned som ÅÅÅÅ-MM fra år 1, men der står {cell}" + _see("datoer"),
    "duplicate_period": "samme {what} som linje {first} ({value}); i en tabel med måneder må hver {what} kun forekomme én gang",
    "wide_header": "{problem} (overskrifterne efter {fixed} er værdier af {column!r})",
    "wide_twin": "samme {column!r} som kolonnen {twin}",
    "wide_none": "en bred tabel skal have én kolonne pr. {column!r} efter {fixed}" + _see("brede-tabeller"),
    "wide_backwards": "månederne går baglæns: {here!r} kommer efter {before!r} (kolonne {column!r}); beholdt, "
    "som dokumentet har det",
}

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december")

# --------------------------------------------------------------------------- import of exports
IMPORT: dict[str, str] = {
    # the export file as a whole (a whole message: file, and line where there is one)
    "no_file": "fejl: {file}: filen findes ikke",
    "in_is_folder": "fejl: {file}: er en mappe; angiv den eksporterede fil",
    "unreadable": "{file}: filen kan ikke læses ({reason})",
    "too_big": "{file}: filen fylder {size} MB; import læser eksporter op til {limit} MB (eksportér færre rækker, "
    "eller del eksporten op)",
    "empty": "{file}: filen er tom",
    "old_xls": "{file}: en gammel Excel-projektmappe (.xls); åbn den i Excel, og gem den som .xlsx eller som "
    "'CSV (semikolonsepareret)'",
    "opendocument": "{file}: et OpenDocument-regneark (.ods); gem det som .xlsx eller som 'CSV (semikolonsepareret)'",
    "not_xlsx": "{file}: kan ikke læses som en Excel-projektmappe ({reason}); åbn den i Excel, og gem den som .xlsx "
    "eller som 'CSV (semikolonsepareret)'",
    # the {reason} of not_xlsx
    "reason_not_zip": "filen er ikke en hel .xlsx-fil (ødelagt, afkortet eller en anden slags fil)",
    "reason_no_workbook": "der er ingen projektmappe (xl/workbook.xml) i filen",
    "reason_no_sheet": "projektmappen har intet ark",
    "reason_reader_failed": "Excel-læseren kunne ikke læse den ({error})",
    "unpacks_too_big": "{file}: projektmappen fylder {size} MB udpakket; import læser projektmapper op til {limit} MB udpakket",
    "html": "{file}:1: det er en webside (HTML), ikke en eksport; hent eksporten igen fra jobindsats.dk (CSV eller Excel)",
    "nul": "{file}:{line}: filen indeholder NUL-bytes, så den er ikke en teksteksport (UTF-16 uden BOM?); gem den "
    "som 'CSV (semikolonsepareret)' eller 'CSV UTF-8'",
    "undecodable": "{file}:{line}: byten 0x{byte} er hverken UTF-8 eller Windows-1252 (cp1252), så tegnsættet kan "
    "ikke afgøres; gem eksporten som 'CSV UTF-8'",
    "mixed_encoding": "{file}:{line}: linjen er ikke UTF-8, men det er linje {utf8_line}: filen blander to "
    "tegnsæt; gem eksporten igen som 'CSV UTF-8'",
    "too_many_lines": "{file}: filen har {lines} linjer; import læser eksporter op til {limit} linjer",
    "too_many_columns": "{file}:{line}: linjen har {columns} celler; import læser eksporter op til {limit} kolonner",
    "line_too_long": "{file}:{line}: linjen er {length} tegn lang; import læser linjer op til {limit} tegn",
    "comma_separated": "{file}:{line}: cellerne er adskilt af komma (læst som {encoding}); import læser eksporter "
    "fra jobindsats.dk med ';' mellem cellerne og decimalkomma, og i en kommafil kan '1.603' "
    "læses forkert: gem den fra Excel som 'CSV (semikolonsepareret)'" + _see("import"),
    "no_separator": "{file}: fandt hverken ';' eller tabulator mellem cellerne på nogen linje (læst som "
    "{encoding}); en eksport fra jobindsats.dk har en kolonne med perioder og mindst én kolonne "
    "med tal" + _see("import"),
    "bad_quote": '{file}:{line}: et anførselstegn (") der ikke er lukket, eller tekst efter et lukkende '
    "anførselstegn; ret linjen, eller eksportér igen",
    "no_content": "{file}: fandt ingen linje med to eller flere celler (kun titler, noter eller tomme linjer); "
    "intet at importere",
    "no_header": "{file}:{line}: linjen begynder med perioden {cell}, men ingen linje over den navngiver "
    "kolonnerne; første linje skal være en overskrift, fx 'Periode;Hvidovre'",
    "no_rows": "{file}:{line}: fandt ingen rækker under overskriften",
    "data_after_note": "{file}:{line}: tal efter noten på linje {note}; en note afslutter eksporten, så linjen "
    "ville gå tabt: slet noten eller linjerne efter den",
    # how the file was read (printed on success and failure)
    "read_csv": "{file}: læst som {encoding}, celler adskilt af {separator}, decimalkomma og punktum som tusindtalsseparator",
    "read_xlsx": "{file}: læste arket {sheet!r} i en Excel-projektmappe{others}",
    "read_xlsx_others": " (det første ark; ikke læst: {sheets})",
    "layout_long": "perioder ned ad første kolonne, én serie pr. kolonne; overskrift på linje {line}",
    "layout_wide": "perioder hen ad overskriften på linje {line}, én serie pr. række",
    "skipped_title": "{where}: sprang titlen {text} over",
    "skipped_note": "{where}: sprang noten {text} over",
    "skipped_blank": "{where}: sprang tomme linjer over",
    "missing_cells": "{count} celle(r) tomme eller markeret som manglende ('-', '..', 'x', '*'): skrevet som tomme",
    "encoding_utf8_bom": "UTF-8 med BOM",
    "separator_tabs": "tabulator",
    "more_than": "mere end {limit}",
    # a cell, row or column (after "file:line: field:")
    "field_column": "kolonne {number}",
    "field_line": "linje {number}",
    "not_a_period": "her skal stå en periode som 2013M12, men der står {cell}{why}",
    "why_month": "måned {month} findes ikke",
    "why_quarter": "et kvartal; import læser kun måneder (vælg måneder i eksporten)",
    "why_year": "et år; import læser kun måneder (vælg måneder i eksporten)",
    "why_year_range": "året {year} er efter næste år eller før {first}; skriv året med fire cifre",
    "why_date": "en dato, ikke en måned; formatér cellerne som måneder (den første i måneden) eller som tekst, fx 2013M12",
    "hint_wide_header": " (linjen har perioder hen ad sig: er den overskriften, må linjerne over den kun have én "
    "celle hver, en titel)",
    "hint_period_column": " (perioden står i kolonne {column}: import læser perioder ned ad første kolonne eller hen "
    "ad overskriften; flyt den kolonne først)",
    "duplicate_period_row": "perioden {period} igen (også på linje {first}); ingen af linjerne bliver importeret",
    "duplicate_period_column": "perioden {period} igen (også i kolonne {first}); ingen af kolonnerne bliver importeret",
    "short_row": "rækken har {found} celler, overskriften (linje {header}) har {expected}; lad en manglende værdi "
    "stå tom (;;), eller skriv '-'",
    "long_row": "en værdi ({cell}) i en kolonne, som overskriften (linje {header}) ikke navngiver",
    "unnamed_row": "rækken har intet navn i første kolonne",
    "not_a_number": "her skal stå et tal, men der står {cell} (skriv 1.603 eller 3,5; '-' eller en tom celle for "
    "en manglende værdi)",
    "too_many_digits": "{cell} har mere end {digits} cifre; så langt et tal kan ikke gemmes præcist",
    "decimal_point": "{cell} har decimalpunktum{more}; import læser danske tal, hvor '1.603' er 1603 og '3,5' er "
    "3.5, så filen kan ikke læses sikkert: eksportér den igen med decimalkomma",
    "decimal_point_more": " (og {count} celler mere)",
    "formula_without_value": "en formel uden gemt værdi ({formula}); åbn projektmappen i Excel, og gem den",
    "same_name": "en serie med samme navn som {first}; importeret som sin egen kolonne {column}",
    "name_cell_empty": "tom, så rækken hedder kun {name} (linje {line} har {above} her; hører rækken ind under "
    "den, så skriv det også på denne linje)",
    "all_missing": "alle seriens værdier mangler ('-', '..', 'x' eller tomme)",
    # the file to write
    "out_is_folder": "fejl: {out}: er en mappe; angiv navnet på den CSV-fil, der skal skrives, fx {out}/ny-serie.csv",
    "out_not_csv": "fejl: {out}: filen, der skal skrives, skal ende på .csv (intet blev skrevet)",
    "out_exists": "fejl: {out} findes allerede; brug --replace for at skrive over den (intet blev skrevet)",
    "out_folder": "fejl: {out}: kan ikke lave mappen {folder} ({reason}); intet blev skrevet",
    "reason_file_in_way": "en fil med det navn står i vejen",
    "out_write": "fejl: {out}: kan ikke skrive filen ({reason}); intet blev skrevet",
    "out_outside_data": "advarsel: {out} ligger uden for {data}/; sitet læser kun serier fra {data}/ (skrevet alligevel)",
    # the outcome
    "fatal": "fejl: eksporten kan ikke læses; intet blev skrevet",
    "problems": "fejl: {count} problem(er) i eksporten; intet blev skrevet (ret eksporten, eller brug --skip-bad for "
    "at skrive de rækker, der kunne læses)",
    "no_rows_read": "fejl: ingen rækker kunne læses; intet blev skrevet",
    "wrote": "skrev {out}: {periods} perioder x {series} serier",
    "wrote_skipped": "skrev {out} uden de {count} problem(er) ovenfor (--skip-bad): {periods} perioder x {series} serier",
    "columns": "Sæt tabellen ind i dokumentets YAML med disse kolonner:",
}

# --------------------------------------------------------------------------- the site build and the cache
BUILD: dict[str, str] = {
    "files_twice": "To genererede sider eller filer har samme adresse (en jobcenter-slug, der også er navnet på en "
    "mappe, fx '{folder}'?):\n{paths}",
    "docs_file_clash": "Disse filer i docs/ har samme adresse som en genereret side eller fil; omdøb eller flyt dem "
    "(generatoren erstatter aldrig det, du har skrevet):\n{paths}",
    "link_to_nowhere": "linket {target!r} fører ikke til nogen side på sitet (fra {page}); link til en side, der "
    "findes (som 'index.md' i dens mappe, eller en side i docs/), eller udelad linket",
    "cache_unwritable": "{path}: bygningen kan ikke skrive sin cache ({reason}); gør .cache/ skrivbar, eller slet den "
    "(den laves igen); det udgivne site blev beholdt, som det var",
    "cache_changed": "{path}: denne cache-fil blev ændret, mens bygningen brugte den (skriver et andet program i "
    ".cache/?); byg igen; det udgivne site blev beholdt, som det var",
    "cache_damaged": "{path}: denne cache-fil var ødelagt (afkortet, ændret, kopieret fra en anden eller ikke en "
    "fil); den laves igen",
    "slug_is_docs_name": "slug'en {slug!r} er også navnet på en side eller mappe blandt de håndskrevne sider "
    "({docs}); omdøb den ene",
    "docs_at_generated": "{docs} har adressen {url}, som siden lavet af denne fil har; omdøb eller flyt {docs} "
    "(generatoren erstatter aldrig det, du har skrevet)",
    "docs_in_site_folder": "adressen {url} er en side, sitet selv laver; omdøb eller flyt denne fil",
    "the_site_itself": "sitet selv",
    "generated_twice": "siden {url} laves af denne fil og også af {other}; giv den ene et andet navn",
    "page_failed": "siden, der laves af denne fil, kunne ikke laves ({error}); det er en fejl i generatoren, som "
    "filens indhold afslører: meld den venligst, og send filen med",
    "build_failed": "sitet kunne ikke laves ({error}); det er en fejl i generatoren: meld den venligst "
    "(`.venv/bin/mkdocs build -v` viser, hvor den skete)",
    "unknown_list": "{page}: ukendt liste {marker}; de kendte lister er {known}",
    "site_kept": "bygningen fejlede; det udgivne site i {site} blev beholdt, som det var",
    "serving": "Forhåndsvisning af sitet: {url}  (stop med Ctrl+C); sitet bygges igen, hver gang du gemmer en "
    "fil i data/ eller docs/",
    "schemas_written": "JSON-skemaer til editoren: {count} filer i {folder}",
    # progress in the build's output (generator/progress.py): a line when a stage ends, and one
    # every few seconds while a long stage runs
    "loaded": "Data: {documents} indlæst ({cached} fra cachen, {read} læst fra filerne)",
    "pages_made": "Sider: {pages} ({made} lavet, {recalled} fra cachen)",
    "charts_made": "Diagrammer: {charts} SVG-filer ({cached} fra cachen, {rendered} tegnet)",
    "loading": "Indlæser data: {done} af {total} dokumenter ...",
    "making_pages": "Laver sider: {done} af {total} ...",
    "rendering_charts": "Tegner diagrammer: {done} af {total} ...",
    "writing_pages": "Skriver sider: {done} af {total} ...",
}

# --------------------------------------------------------------------------- the system's reasons
# Why the system refused to read or write a file, by errno's name (an OSError's strerror is
# English): the {reason} of yaml.unreadable, import.unreadable, import.out_write, ...
OS: dict[str, str] = {
    "ENOENT": "filen eller mappen findes ikke",
    "EACCES": "ingen adgang: du har ikke rettigheder til den",
    "EPERM": "ingen adgang: du har ikke rettigheder til den",
    "EISDIR": "det er en mappe, ikke en fil",
    "ENOTDIR": "en del af stien er ikke en mappe",
    "ELOOP": "for mange genveje (links) efter hinanden",
    "ENAMETOOLONG": "navnet er for langt",
    "ENOSPC": "disken er fuld",
    "EDQUOT": "din diskkvote er brugt op",
    "EROFS": "drevet er skrivebeskyttet",
    "EIO": "fejl ved læsning fra eller skrivning til disken",
    "EEXIST": "den findes allerede",
    "EBUSY": "den er i brug af et andet program",
    "other": "systemfejl {name}",
}

# --------------------------------------------------------------------------- the search index (site_plugins/search.py)
SEARCH: dict[str, str] = {
    "failed": "{site}: søgeindekset (Pagefind) kunne ikke skrives: {error}",
}

# --------------------------------------------------------------------------- the data files' JSON Schemas
# What an editor shows when staff hover over a part of a data file (generator/data/schema.py): each
# model's description, by its name in models.py (its fields' descriptions are in models.py).
# Plain texts, not formatted: {tal:ID} stands as written.
SCHEMA_MODELS: dict[str, str] = {
    "Revision": "En resultatrevision: årets mål med nulpunkt, status og mål, tabeller og afsnit" + _see("resultatrevision"),
    "Plan": "En beskæftigelsesplan: pejlemærker, mål og måltal, fakta og afsnit" + _see("beskaeftigelsesplan"),
    "Letter": "Et brev om et af jobcentrets dokumenter, fx regionens tilbagemelding på en resultatrevision. Det "
    "ligger under det år, det handler om, ved siden af det dokument, det svarer på" + _see("tilbagemelding"),
    "Minutes": "Et referat af et udvalgsmøde: hvem der mødtes, og hvert punkt på dagsordenen med beslutningen" + _see("referat"),
    "Registry": "Registret over jobcentre (data/jobcentres.yaml)" + _see("registret"),
    "Jobcentre": "Et jobcenter: slug, navn, kommuner, region og klynge",
    "Source": "Kilden: dokumentet, som data er skrevet af efter",
    "Note": "En 'Bemærk'-boks eller en fodnote",
    "Column": "En kolonne i tabellens CSV-fil",
    "ChartSpec": "Tabellens diagram: hvilke kolonner der vises hvordan",
    "Wide": "CSV-filen har dokumentets brede opstilling: efter de andre kolonner kommer én kolonne pr. værdi af "
    "`column` (fx én pr. måned med overskriften 'okt-12' som i dokumentet), og hver celle er en værdi af `value`. "
    "Sitet læser den som én række pr. celle" + _see("brede-tabeller"),
    "Table": "En tabel eller en serie; tallene står i en CSV-fil ved siden af YAML-filen" + _see("tabeller"),
    "Section": "Et frit afsnit: en overskrift og en tekst (Markdown) med tabeller efter teksten. Et afsnit uden "
    "overskrift fortsætter afsnittet før (tekst efter en tabel)" + _see("afsnit"),
    "TextFact": "Et tal, dokumentet nævner i den løbende tekst ('ledigheden faldt med 4,2 pct. i 2014'), skrevet "
    "ind, så sitet formaterer det, og det kommer med i de åbne data. Skrives i teksten som {tal:ID}",
    "StartEnd": "En status givet som en start- og en slutværdi: '102 forløb (jan-14) til 93 (dec-14)'",
    "Range": "En status givet som et spænd og et gennemsnit over måneder: 'mellem 3,8 og 10,2 pct., gns. 6,2'",
    "Claim": "Det, dokumentet selv siger om et mål; bygningen advarer, når det ikke passer med tallene",
    "PeerValue": "Et andet jobcenters tal til sammenligning",
    "Rank": "Jobcentrets placering blandt andre, som dokumentet angiver den: 'nr. 3 af 6 i klyngen'",
    "Goal": "Et mål i resultatrevisionen med nulpunkt, status og mål; kvalitativt, når det ikke har tal" + _see("maal"),
    "FollowUpFigure": "Et måls tal efter året: status for opfølgningens periode og, hvis det er angivet, dets eget mål",
    "FollowUp": "'Seneste udvikling': tal efter året med deres egen periode og egne mål; vises for sig, adskilt "
    "fra årets mål og serier (og tælles ikke med i årets resultat)",
    "Fact": "En linje i en faktaboks; '{}' i teksten er, hvor tallet står",
    "FactBox": "En boks med fakta i tal, fx 'Fakta om befolkning i Hvidovre'",
    "Target": "Et målbart måls måltal: 'mindst 16 pct.' for en gruppe, inden en frist",
    "PlanGoal": "Et konkret mål for jobcentret; kvalitativt, medmindre det har måltal",
    "MinisterGoal": "Et af beskæftigelsesministerens mål",
    "LegalFrame": "De lovkrav, planen skal opfylde",
    "FocusArea": "Et pejlemærke: udvalgets indsatsområde med dets målsætninger og jobcentrets mål",
    "Sender": "Brevhovedet: hvem der skrev brevet, og hvordan man når dem, som det står i brevet",
    "Recipient": "Modtageren af brevet",
    "Signature": "Underskriften: navn og titel",
    "Member": "Et medlem af udvalget",
    "Attachment": "Et bilag: '1 | Åben | Videreførelse af projekt ... | 30519/13'",
    "Decision": "'Beslutning i Arbejdsmarkedsudvalget den 06-03-2013'; udvalg og dato er som udgangspunkt mødets",
    "AgendaItem": "Et punkt på dagsordenen med sagsfremstilling, indstilling og beslutning",
}

MESSAGES: dict[str, str] = {}
for _area, _texts in (("yaml", YAML), ("csv", CSV), ("import", IMPORT), ("build", BUILD), ("search", SEARCH), ("os", OS)):
    MESSAGES.update({f"{_area}.{key}": value for key, value in _texts.items()})


def text(key: str, **slots: object) -> str:
    """The message `key` ("csv.not_utf8") with its slots filled in."""
    return MESSAGES[key].format(**slots)


def count(key: str, n: int) -> str:
    """'1 dokument', '4 dokumenter': the message key's singular or plural form (one|more)."""
    one, more = text(key, count=n).split("|")
    return one if n == 1 else more


def os_reason(error: OSError) -> str:
    """Why the system refused (an OSError), in Danish: 'filen eller mappen findes ikke'."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    return text(f"os.{name}") if name in OS else text("os.other", name=name or type(error).__name__)


def close_match(word: str, choices, quote: bool = True) -> str | None:
    """The choice most like word (a typo: 'taget' -> 'target'), quoted ("'target'"), or None."""
    import difflib

    found = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    if not found:
        return None
    return repr(found[0]) if quote else found[0]
