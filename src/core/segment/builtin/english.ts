import type { LanguageSpec } from "./build-rules.ts";

/** English: titles, Latin abbreviations, reference abbreviations, clause starters. */
// prettier-ignore
export const ENGLISH: LanguageSpec = {
  prefixes: [
    "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "Rev.", "Hon.", "Gen.", "Lt.", "Col.", "Capt.",
    "Cmdr.", "Sgt.", "Maj.", "Adm.", "Gov.", "Sen.", "Rep.", "Pres.", "Supt.", "Messrs.", "Mme.",
    "Mlle.", "Mt.", "Ft.", "e.g.", "i.e.", "E.g.", "I.e.", "cf.", "Cf.", "vs.", "viz.", "approx.",
    "ca.", "v.", "Dept.", "Univ.", "Assn.", "Msgr.",
  ],
  numeric: [
    "No.", "Nos.", "no.", "Vol.", "vol.", "p.", "pp.", "ch.", "Ch.", "Fig.", "fig.", "Figs.",
    "Art.", "art.", "Sec.", "sec.", "para.", "Para.", "Eq.", "eq.", "Jan.", "Feb.", "Mar.", "Apr.",
    "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "ed.", "Ed.", "nr.", "Nr.",
    "Rs.", "Rp.", "Cir.", "Tel.", "tel.", "Est.", "est.", "ext.", "Ext.",
  ],
  // written after a name, a number or a time: a break before a new sentence
  closing: ["et al.", "a.m.", "p.m.", "A.M.", "P.M."],
  closingContinuations: [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "ET", "EST",
    "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
    "CEST", "Eastern", "Central", "Mountain", "Pacific", "Local",
  ],
  ambiguous: [
    "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "St.", "Ave.", "Rd.", "Blvd.", "Ph.D.",
    "M.D.", "B.A.", "M.A.", "B.Sc.", "M.Sc.", "Esq.", "Plc.", "LLC.",
  ],
  clauseStarters: [
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
    "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "In", "On", "At", "A", "An", "But",
    "And", "Or", "So", "Yet", "However", "Meanwhile", "Moreover", "Furthermore", "After", "Before",
    "When", "While", "If", "Although", "Though", "Because", "Since", "As", "For", "With", "By",
    "From", "To", "Some", "Many", "Most", "All", "Each", "Every", "Not", "One", "Then", "Now",
    "Today", "Yesterday", "Tomorrow", "Last", "Next", "Still", "Also", "What", "Who", "Why", "How",
    "Where", "Which", "Such", "Other", "Another", "Both", "Several", "Once", "Under", "Over",
    "During", "According", "Despite", "Instead", "Later", "Earlier", "Please", "Thus", "Therefore",
    "Nevertheless", "Otherwise", "Only", "Even", "Do", "Does", "Did", "Is", "Are", "Was", "Were",
    "Will", "Can", "Could", "Should", "Would", "May", "Might", "Let",
  ],
  clauseStarterPatterns: [],
  labels: [
    "Table", "Figure", "Fig.", "Chart", "Appendix", "Chapter", "Section", "Article", "Part", "Step",
    "Example", "Exhibit", "Annex", "Schedule",
  ],
  speechVerbs: [
    "asked", "said", "replied", "cried", "shouted", "yelled", "whispered", "answered", "added",
    "exclaimed", "murmured", "muttered", "called", "insisted", "continued", "explained", "says",
    "asks", "laughed", "sighed", "screamed", "snapped", "wondered", "told",
  ],
  initialsIntroducers: [],
  lowerCaseTitles: [],
  letterDesignators: [
    "Group", "Type", "Class", "Vitamin", "Hepatitis", "Plan", "Grade", "Zone", "Gate", "Block",
    "Wing", "Tier", "Phase", "Stage", "Series", "Model", "Option", "Category", "Room", "Platform",
    "Row", "Lot", "Pool", "Level", "Division", "Blood type", "Side",
  ],
  creditLabels: [
    "Photo", "Photos", "Source", "Sources", "Editor", "Editing", "Reporting", "Writer", "Credit",
    "Image", "Illustration", "Read more", "Read also", "See also",
  ],
};
