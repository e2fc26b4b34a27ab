package letter

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
)

// The PDF document: A4, the same sections as the HTML page, each
// conversation's messages with who said them and a bar in the margin (blue
// for the customer's), page numbers at the foot.

// Page geometry, in millimetres.
const (
	pageWidth, pageHeight = 210.0, 297.0
	margin                = 20.0
	textWidth             = pageWidth - 2*margin
	messageIndent         = 4.0 // a message's text from its bar
	bulletIndent          = 5.0
)

type rgb struct{ r, g, b int }

var (
	ink         = rgb{0x11, 0x11, 0x11}
	grey        = rgb{0x44, 0x44, 0x44}
	faint       = rgb{0x66, 0x66, 0x66}
	rule        = rgb{0x99, 0x99, 0x99}
	customerBar = rgb{0x24, 0x57, 0xc5}
	otherBar    = rgb{0xbb, 0xbb, 0xbb}
)

// style is how a block of text is set: its size in points, weight,
// colour, and line height as a multiple of the size.
type style struct {
	size    float64
	bold    bool
	color   rgb
	leading float64
}

var (
	titleStyle   = style{size: 18, bold: true, color: ink, leading: 1.3}
	metaStyle    = style{size: 10, color: grey, leading: 1.45}
	bodyStyle    = style{size: 11, color: ink, leading: 1.45}
	headingStyle = style{size: 13, bold: true, color: ink, leading: 1.3}
	whoStyle     = style{size: 9.5, bold: true, color: ink, leading: 1.35}
	erasedStyle  = style{size: 11, color: faint, leading: 1.45}
	fieldStyle   = style{size: 11, bold: true, color: ink, leading: 1.45}
	footStyle    = style{size: 8.5, color: faint, leading: 1.2}
)

// block is text broken into lines, ready to be placed.
type block struct {
	lines []line
	st    style
	x     float64 // left edge, mm
}

func (b block) lineHeight() float64 { return b.st.size * b.st.leading * ptMM }
func (b block) height() float64     { return float64(len(b.lines)) * b.lineHeight() }

// document lays out one letter, page by page. Without a PDF writer it
// only counts the pages, so that each page can then say how many there
// are.
type document struct {
	pdf    *fpdf.Fpdf // nil while counting
	set    *setter
	added  map[*face]bool // the fonts added to the PDF so far
	pageOf string         // the footer, with {page} and {pages}
	page   int
	pages  int     // how many there are, once counted
	y      float64 // where the next line goes, mm from the top
}

// PDF writes the letter as an A4 document, with fonts that show Danish,
// Malay and Chinese (simplified and traditional) in their own letters:
// only the characters used are embedded.
func (d Data) PDF() ([]byte, error) {
	latin, err := latinFaces()
	if err != nil {
		return nil, err
	}
	set := &setter{latin: latin}
	count := &document{set: set}
	d.write(count)
	if set.hanErr != nil {
		return nil, fmt.Errorf("write the letter as PDF: %w", set.hanErr)
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(false, margin) // the document breaks pages itself, between lines
	p.SetCellMargin(0)
	p.SetCatalogSort(true) // the same letter gives the same bytes
	p.SetTitle(d.Title, true)
	p.SetLang(string(d.Lang))
	p.SetCreator("Hushdesk", true)
	p.SetCreationDate(d.Generated)
	p.SetModificationDate(d.Generated)
	d.write(&document{pdf: p, set: set, added: map[*face]bool{}, pageOf: d.PageOf, pages: count.page})
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("write the letter as PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// write lays out the letter's sections in the order the HTML page has them.
func (d Data) write(doc *document) {
	doc.newPage()
	doc.para(d.Title, titleStyle, 1)
	doc.para(d.Meta, metaStyle, 6)
	for _, s := range []string{d.Intro, d.Summary, d.Hidden} {
		doc.para(s, bodyStyle, 3)
	}
	for _, cv := range d.Conversations {
		doc.heading(cv.Heading)
		for _, m := range cv.Messages {
			doc.message(m, d.ErasedText)
		}
	}
	doc.heading(d.WhyHeading)
	for _, f := range d.Statement {
		name := doc.block(f.Name, fieldStyle, margin, textWidth)
		value := doc.block(f.Value, bodyStyle, margin, textWidth)
		doc.keep(name.lineHeight() + value.lineHeight())
		doc.flow(name, nil)
		doc.flow(value, nil)
		doc.space(1.5)
	}
	if len(d.Requests) > 0 {
		doc.heading(d.RequestsHeading)
		for _, r := range d.Requests {
			b := doc.block(r, bodyStyle, margin+bulletIndent, textWidth-bulletIndent)
			doc.keep(b.lineHeight())
			doc.place(doc.block("•", bodyStyle, margin+1, bulletIndent), doc.y)
			doc.flow(b, nil)
			doc.space(1)
		}
	}
	doc.space(3)
	doc.para(d.Disclosure, bodyStyle, 3)
	doc.para(d.Rights, bodyStyle, 3)
	doc.footer()
}

// block breaks text into lines for a column at x, width wide.
func (doc *document) block(text string, st style, x, width float64) block {
	return block{lines: doc.set.lines(text, st.size, st.bold, width), st: st, x: x}
}

// keptLines is how long a paragraph may be and still be kept on one page.
const keptLines = 5

// para writes a paragraph across the page, then after millimetres of
// space. A short paragraph is not split between pages.
func (doc *document) para(text string, st style, after float64) {
	b := doc.block(text, st, margin, textWidth)
	if len(b.lines) <= keptLines {
		doc.keep(b.height())
	}
	doc.flow(b, nil)
	doc.space(after)
}

// heading writes a section's heading with a rule under it, on the page of
// the lines that follow it.
func (doc *document) heading(text string) {
	doc.space(5)
	b := doc.block(text, headingStyle, margin, textWidth)
	doc.keep(b.height() + 3*bodyStyle.size*bodyStyle.leading*ptMM)
	doc.flow(b, nil)
	doc.y += 0.8
	if doc.pdf != nil {
		doc.pdf.SetDrawColor(rule.r, rule.g, rule.b)
		doc.pdf.SetLineWidth(0.3)
		doc.pdf.Line(margin, doc.y, pageWidth-margin, doc.y)
	}
	doc.y += 2.5
}

// message writes who said what, with the bar in the margin; an erased
// message says that it was erased. A message that fits on a page is not
// split between two.
func (doc *document) message(m Message, erasedText string) {
	x, width := margin+messageIndent, textWidth-messageIndent
	who := doc.block(m.Who, whoStyle, x, width)
	text := doc.block(m.Text, bodyStyle, x, width)
	if m.Erased {
		text = doc.block(erasedText, erasedStyle, x, width)
	}
	bar := otherBar
	if m.Role == RoleCustomer {
		bar = customerBar
	}
	if h := who.height() + text.height(); h <= pageHeight-2*margin {
		doc.keep(h)
	} else {
		doc.keep(who.height() + text.lineHeight())
	}
	doc.flow(who, &bar)
	doc.flow(text, &bar)
	doc.space(2.5)
}

// newPage ends the page with its footer and starts the next.
func (doc *document) newPage() {
	if doc.page > 0 {
		doc.footer()
	}
	doc.page++
	doc.y = margin
	if doc.pdf != nil {
		doc.pdf.AddPage()
	}
}

// footer writes the page's number, and how many there are.
func (doc *document) footer() {
	if doc.pdf == nil {
		return
	}
	foot := strings.NewReplacer("{page}", strconv.Itoa(doc.page), "{pages}", strconv.Itoa(doc.pages)).Replace(doc.pageOf)
	doc.place(doc.block(foot, footStyle, margin, textWidth), pageHeight-margin+6)
}

// keep starts a new page unless h millimetres fit on this one.
func (doc *document) keep(h float64) {
	if doc.y+h > pageHeight-margin && doc.y > margin {
		doc.newPage()
	}
}

// space moves down by h millimetres, unless at the top of a page.
func (doc *document) space(h float64) {
	if doc.y > margin {
		doc.y = min(doc.y+h, pageHeight-margin)
	}
}

// flow writes a block from the current position down, on as many pages
// as it needs, with a bar of colour bar beside it if bar is not nil.
func (doc *document) flow(b block, bar *rgb) {
	for _, l := range b.lines {
		doc.keep(b.lineHeight())
		if doc.pdf != nil && bar != nil {
			doc.pdf.SetFillColor(bar.r, bar.g, bar.b)
			doc.pdf.Rect(margin, doc.y, 1, b.lineHeight(), "F")
		}
		doc.line(l, b.st, b.x, doc.y, b.lineHeight())
		doc.y += b.lineHeight()
	}
}

// place writes a block at y, without breaking pages (a footer, a bullet).
func (doc *document) place(b block, y float64) {
	for _, l := range b.lines {
		doc.line(l, b.st, b.x, y, b.lineHeight())
		y += b.lineHeight()
	}
}

// line draws one line's runs at x, y.
func (doc *document) line(l line, st style, x, y, h float64) {
	p := doc.pdf
	if p == nil {
		return
	}
	p.SetTextColor(st.color.r, st.color.g, st.color.b)
	for _, r := range l.runs {
		if !doc.added[r.face] {
			// A copy: fpdf writes into the font's bytes while it cuts the
			// subset (it appends to a slice of them), and the faces are
			// shared by every letter.
			p.AddUTF8FontFromBytes(r.face.family, r.face.style, bytes.Clone(r.face.ttf))
			doc.added[r.face] = true
		}
		p.SetFont(r.face.family, r.face.style, st.size)
		p.SetXY(x, y)
		p.CellFormat(r.width, h, r.text, "", 0, "L", false, 0, "")
		x += r.width
	}
}
