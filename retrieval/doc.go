// Package retrieval owns the knowledge base: it reads documents (Markdown,
// HTML, plain text), cuts them into passages by headings, analyses each
// passage in its language, keeps them in a Bleve index scored by BM25, and
// answers searches with the best passages and a confidence signal.
//
// Languages: English and Danish with their stemmers, Chinese (simplified and
// traditional) with CJK bigrams, Malay with standard analysis and Malay stop
// words. A query is searched first in its own language and then in the
// others, so a question in a language with no articles still finds an
// answer.
package retrieval
