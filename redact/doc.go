// Package redact finds personal data in free text and replaces it with typed
// placeholders such as <EMAIL_1> or <PHONE_2>.
//
// It knows customers who write in English, Danish, Malay and Chinese:
//
//   - contact data: e-mail addresses (also written "name at domain dot com",
//     "name(at)domain(dot)com" or with # for @), phone numbers (validated against the
//     numbering plans of the phone-number library, with the groupings people
//     use in Denmark, China, Malaysia, Hong Kong, Taiwan, the UK and the US,
//     full-width digits included), IPv4 and IPv6 addresses, and links with
//     personal parts (a profile, a token, an e-mail address in the query);
//   - payment data: card numbers (Luhn, 12 to 19 digits) and IBANs (mod 97
//     and the country's length);
//   - national identifiers: Danish CPR (date and century digit), Chinese
//     resident IDs (ISO 7064 MOD 11-2, and the old 15-digit form), Malaysian
//     NRIC (date and place of birth), Hong Kong and Taiwan identity cards
//     (their check characters), US SSNs, UK National Insurance numbers, and
//     driving licence and passport numbers after the words that name them;
//   - dates of birth: dates near words such as "born", "fødselsdato",
//     "tarikh lahir" or "出生";
//   - street addresses in English, Danish, Malay and Chinese forms and those
//     of many other countries (number first or last, flats and units,
//     lanes, alleys, buildings and estates, and those without a street word
//     grown back from a postcode of a distinctive form), and the places
//     people say they live in or come from;
//   - person names: first by rules, from cues ("my name is", "jeg hedder",
//     "nama saya", "我叫", titles, greetings, signatures), name lists (see
//     names/README.md), capitals, position and the endings of family names;
//     then by a statistical tagger (see tagger.go and package ner), which
//     reads every word the rules did not claim for a structured value, with
//     the words around it, what the lists and the rules say of it, and
//     labels the names; Chinese has a tagger of its own, over characters.
//     After the taggers, rules that leave their features alone add what
//     they are unsure of: the writer's name alone at the end or start of a
//     message, names no list knows after a cue ("I am", "her name is"), a
//     family name after a given name the tagger found, Chinese full names
//     after verbs and roles (帮, 跟, 对接人). Brands, shops, streets and
//     places made of names are not names, nor a name before a word of
//     trade (Russell Hobbs kettle, 吳寶春麵包店).
//
// Numbers that only look like personal data stay: order, invoice and
// tracking numbers, SKUs, prices, times, versions, numbers that fail their
// checksum or their date, and companies' hotlines (toll-free, shared-cost
// and premium numbers, Danish 70 numbers, when every numbering plan the
// number is written for calls it one).
//
// Detection runs on an NFKC-normalised copy of the text (so full-width digits
// and compatibility forms are matched like their ASCII twins) and every
// Finding is reported with byte offsets into the original text. Placeholders
// already in a text are not read as words, and redacting a redacted text
// changes nothing.
//
// A Placeholders value keeps, in memory only, which placeholder stands for
// which value within one conversation, so that the same value always gets the
// same placeholder and the live reply to a customer can put their own values
// back. Nothing in this package writes anywhere.
//
// An optional NameModel (a local language model, say) can add the names the
// rules miss; see Redactor.RedactContext. It is off by default.
package redact
