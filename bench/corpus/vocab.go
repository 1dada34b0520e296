package corpus

// The vocabulary of the generated pages: the words of a clinic's and a
// medical software vendor's documentation. It is large enough that no two
// paragraphs come out alike, so every paragraph is a message of its own, as
// on a real site, while titles, headings and boilerplate repeat.

var nouns = []string{
	"patient", "infusion", "dose", "ketamine", "receptor", "clinician", "protocol", "symptom",
	"trial", "cohort", "outcome", "response", "treatment", "session", "sedation", "remission",
	"relapse", "placebo", "study", "guideline", "assessment", "contraindication", "side effect",
	"neuron", "synapse", "pathway", "catheter", "saline solution", "vital sign", "nurse",
	"physician", "clinic", "referral", "appointment", "consent form", "medical record", "dataset",
	"algorithm", "configuration", "server", "endpoint", "parameter", "interval", "threshold",
	"measurement", "sample", "laboratory", "blood pressure", "heart rate", "oxygen saturation",
	"infusion pump", "monitor", "dosage table", "prescription", "pharmacist", "caregiver",
	"follow-up visit", "questionnaire", "depression score", "anxiety scale", "sleep pattern",
	"appetite", "medication", "antidepressant", "dissociation", "nausea", "headache", "dizziness",
	"recovery room", "waiting area", "schedule", "insurance claim", "invoice", "report",
	"audit log", "access token", "user account", "backup", "database", "interface", "release",
	"update", "checklist", "procedure", "specialist", "psychiatrist", "anaesthetist", "therapy",
	"brain region", "neurotransmitter", "glutamate", "plasticity", "biomarker", "enzyme",
	"metabolite", "liver function", "kidney function", "body weight", "allergy", "history",
	"diagnosis", "episode", "evaluation", "baseline", "observation", "adverse event",
}

var adjectives = []string{
	"intravenous", "oral", "intranasal", "mild", "moderate", "severe", "transient", "persistent",
	"rapid", "gradual", "clinical", "significant", "standard", "typical", "early", "chronic",
	"acute", "elevated", "stable", "reduced", "initial", "subsequent", "weekly", "daily",
	"low", "high", "safe", "effective", "recommended", "optional", "mandatory", "secure",
	"encrypted", "automated", "manual", "previous", "current", "additional", "separate",
	"individual", "controlled", "randomised", "double-blind", "observational", "retrospective",
	"prospective", "sustained", "measurable", "consistent", "careful", "detailed", "brief",
}

// verbs are in the third person plural, so that they follow a plural
// subject and "may", "can" and "should" alike.
var verbs = []string{
	"reduce", "improve", "increase", "require", "follow", "show", "suggest", "report",
	"measure", "record", "confirm", "affect", "support", "limit", "prevent", "relieve",
	"extend", "shorten", "replace", "review", "adjust", "track", "describe", "predict",
	"restore", "trigger", "accompany", "outweigh", "precede", "influence", "document", "verify",
}

var adverbs = []string{
	"usually", "often", "rarely", "typically", "consistently", "gradually", "quickly",
	"carefully", "reliably", "significantly", "temporarily", "routinely", "generally",
}

var places = []string{
	"the clinic", "the recovery room", "the treatment room", "the laboratory", "the ward",
	"the outpatient department", "the patient portal", "the reporting dashboard",
	"the scheduling system", "the pharmacy", "the waiting area", "the admin console",
}

var units = []string{
	"mg/kg", "mg", "mL", "mL/h", "µg/kg/min", "mg/day", "mg/kg/h",
}

var times = []string{"minutes", "hours", "days", "weeks", "months"}

// titleWords make page titles and headings: a few of them, capitalized.
var titleWords = []string{
	"Ketamine", "Infusion", "Therapy", "Dosing", "Safety", "Monitoring", "Depression", "Anxiety",
	"Trauma", "Recovery", "Guidelines", "Protocol", "Preparation", "Aftercare", "Evidence",
	"Research", "Patients", "Clinicians", "Referrals", "Insurance", "Billing", "Scheduling",
	"Consent", "Records", "Privacy", "Security", "Reporting", "Integration", "Configuration",
	"Installation", "Troubleshooting", "Overview", "Introduction", "Questions", "Outcomes",
	"Side Effects", "Contraindications", "Assessment", "Follow-up", "Medication", "Nursing",
	"Pharmacy", "Laboratory", "Data", "Access", "Accounts", "Backups", "Updates", "Sessions",
	"Treatment Plans", "Vital Signs", "Sedation", "Neuroscience", "Biomarkers", "Studies",
}

// headings name the parts of a page; a documentation site uses the same
// few again and again.
var headings = []string{
	"Overview", "How it works", "Who can benefit", "Before your appointment", "During the session",
	"After the session", "Dosing", "Monitoring", "Side effects", "Contraindications", "Evidence",
	"Frequently asked questions", "Configuration", "Requirements", "Limitations", "Next steps",
	"Background", "Method", "Results", "Discussion", "Safety checks", "Data handling",
	"Troubleshooting", "Reference values", "Costs and insurance",
}

var domains = []string{
	"www.who.int", "pubmed.ncbi.nlm.nih.gov", "www.nice.org.uk", "clinicaltrials.gov",
	"www.ema.europa.eu", "www.fda.gov", "doi.org", "www.cochranelibrary.com",
	"docs.example.org", "github.com",
}

var identifiers = []string{
	"dose_mg_per_kg", "infusion_rate", "max_sessions", "patient_id", "session.start",
	"vitals.interval", "GET /api/v1/sessions", "export --format csv", "retention_days",
	"alert_threshold", "consent_version", "LOG_LEVEL", "config.yaml", "reports/weekly.csv",
}

var abbreviations = [][2]string{
	{"IV", "intravenous"}, {"MDD", "major depressive disorder"}, {"BP", "blood pressure"},
	{"ECG", "electrocardiogram"}, {"PTSD", "post-traumatic stress disorder"},
	{"NMDA", "N-methyl-D-aspartate"}, {"BDNF", "brain-derived neurotrophic factor"},
}

// disclaimer is the boilerplate at the foot of every regular page.
const disclaimer = "The information on this page is for general education only and does not replace the advice of your own physician. Doses, intervals and outcomes differ from one patient to another; always follow the treatment plan agreed with your care team, and call 112 or your local emergency number if you feel unwell after a session."

// contact is a second piece of boilerplate, on some pages only.
const contact = "Questions about this page? Write to info@clinic.example or call +1 555 0100 between 9:00 and 17:00 on weekdays."
