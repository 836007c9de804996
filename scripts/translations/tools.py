NL = {
    "Tools": "Werkinstrumenten",
    "Working tools": "Werkinstrumenten",
    "Nothing recorded yet.": "Nog niets vastgelegd.",
    "No tools are available yet.": "Er zijn nog geen werkinstrumenten beschikbaar.",
    "The tools turn the method's steps into results the whole team can see: who is at the table and what they want, the goal and how you measure it, who does what, housing costs, and what you can link the work to.": "De werkinstrumenten maken van de stappen van de methode resultaten die het hele team ziet: wie er aan tafel zit en wat zij willen, het doel en hoe je het meet, wie wat doet, de woonlasten, en waar je het werk aan kunt koppelen.",
    "Stakeholders, ambitions and interests": "Belanghebbenden, ambities en belangen",
    "Goals and indicators": "Doelen en indicatoren",
    "Roles (RACI)": "Rollen (RACI)",
    "Housing-cost neutrality": "Woonlastenneutraliteit",
    "Linking opportunities": "Koppelkansen",
    "API": "API",
    "working tool": "werkinstrument",
    "Working tools for this step": "Werkinstrumenten bij deze stap",
    "Signals from the working tools": "Signalen uit de werkinstrumenten",
    "Working tools in the workspace": "Werkinstrumenten in de projectomgeving",
    "In a project workspace the team records the results of this step with:": "In een projectomgeving legt het team de resultaten van deze stap vast met:",
    "The working tools keep their current state only: choose today's date to see them here.": "De werkinstrumenten bewaren alleen hun huidige stand: kies de datum van vandaag om ze hier te zien.",
    "Exports and open data": "Exports en open data",
}
NL.update(
    {
        "Making the PDF took too long and was stopped.": "Het maken van de pdf duurde te lang en is gestopt.",
        "failed": "mislukt",
    }
)
