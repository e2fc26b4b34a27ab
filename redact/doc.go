// Package redact finds personal data in free text and replaces it with typed
// placeholders such as <EMAIL_1> or <PHONE_2>.
//
// Detection runs on an NFKC-normalised copy of the text (so full-width digits
// and compatibility forms are matched like their ASCII twins) and every
// Finding is reported with byte offsets into the original text.
//
// Structured identifiers are validated before they are reported: payment
// cards by the Luhn check, IBANs by mod 97 and their country's length,
// national identifiers by their date and check-character rules. Numbers that
// fail validation (order numbers, SKUs, tracking numbers, prices) are left
// alone.
//
// A Placeholders value keeps, in memory only, which placeholder stands for
// which value within one conversation, so that the same value always gets the
// same placeholder and the live reply to a customer can put their own values
// back. Nothing in this package writes anywhere.
package redact
