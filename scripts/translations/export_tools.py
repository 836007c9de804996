"""Dutch for the working tools in the spreadsheets and the full export (helper "export")."""

NL = {
    "Newest measurement on": "Datum van de nieuwste meting",
    "Retired at": "Ingetrokken op",
    "Reason for retiring": "Reden van intrekken",
    "Counts": "Telt mee",
    "Corrects": "Corrigeert",
    "Linking opportunity": "Koppelkans",
    "Kind": "Soort",
    "Window": "Tijdvenster",
    "Description": "Beschrijving",
    "Activity": "Activiteit",
    "Accountable (A)": "Eindverantwoordelijk (A)",
    "Responsible (R)": "Uitvoerend (R)",
    "Consulted (C)": "Geraadpleegd (C)",
    "Informed (I)": "Geïnformeerd (I)",
    "Roles (RACI)": "Rollen (RACI)",
    "names no version of the goal.": "noemt geen versie van het doel.",
    "a version number is used twice.": "een versienummer komt twee keer voor.",
    "corrects %(id)s, which is no earlier measurement of this indicator.": (
        "corrigeert %(id)s, dat geen eerdere meting van deze indicator is."
    ),
    "a measurement is corrected only once.": "een meting wordt maar één keer gecorrigeerd.",
    "two roles have the same name.": "twee rollen hebben dezelfde naam.",
    "the letter %(letter)s is not R, A, C or I.": "de letter %(letter)s is geen R, A, C of I.",
    "a role has one letter per row.": "een rol heeft één letter per regel.",
    "holds a value this installation does not know.": (
        "bevat een waarde die deze installatie niet kent."
    ),
    "the window ends before it starts.": "het tijdvenster eindigt voordat het begint.",
}
