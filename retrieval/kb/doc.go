// Package kb is the knowledge base's documents: it reads them (Markdown
// with optional YAML front matter, HTML, plain text, PDF), scrubs them of
// personal data through a function it is given, and cuts them into
// passages by headings, with a small overlap where a section is long. It
// also holds the sample help centres that ship with Hushdesk: a shop and
// an insurer, each in English, Danish, Chinese (simplified and
// traditional) and Malay, with its company's name, published contacts
// and, for the shop, its vocabulary.
//
// kb knows nothing of indexes: what it produces (Document, Prepared and
// its Passages) is what the search package indexes and searches.
package kb
