// Package samplekb embeds the sample knowledge base that Hushdesk loads on
// first start: the help centre of Larkspur Home, a fictional shop, in
// English, Danish, Chinese (simplified and traditional) and Malay.
package samplekb

import (
	"embed"
	"io/fs"
)

//go:embed articles
var articles embed.FS

// FS returns the articles, one folder per language (en, da, zh-Hans,
// zh-Hant, ms).
func FS() fs.FS {
	sub, err := fs.Sub(articles, "articles")
	if err != nil {
		panic(err) // the embedded tree always has this folder
	}
	return sub
}

// Prefix is put before every sample article's path to make its document id.
const Prefix = "sample/"

// Contacts are the fictional company's published contact details. They
// appear in the articles and are not personal data.
var Contacts = []string{
	"help@larkspur.example",
	"privacy@larkspur.example",
	"+45 70 20 30 40",
	"+60 3-2770 1234",
}
