package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hushdesk/hushdesk/inference"
	"github.com/hushdesk/hushdesk/retrieval"
)

//go:embed ui
var uiFiles embed.FS

var indexTemplate = template.Must(template.ParseFS(uiFiles, "ui/index.html"))

// pageWords is the chat page's own wording in one language: the page's
// text, and what its script writes (passed to it in data attributes).
type pageWords struct {
	Title, Question, Conversation, Placeholder, Send, Person string
	// What the script writes under an answer and on errors.
	AIGenerated, Quoted, Handed, NoAnswer, Sources, Agent       string
	Helpful, Helped, NotHelped, RatingError, Error, PersonError string
	// The customer's own copy of the conversation, and its erasure.
	Download, Erase, EraseConfirm, Erased, EraseError string
}

// pageText is the chat page's wording per language.
var pageText = map[string]pageWords{
	retrieval.English: {
		Title: "Support", Question: "Your question", Conversation: "Conversation",
		Placeholder: "Ask a question about your order, delivery, returns ...", Send: "Send", Person: "Talk to a person",
		AIGenerated: "AI-generated", Quoted: "AI assistant · quoted from our help centre", Handed: "handed to a person",
		NoAnswer: "no answer found", Sources: "Sources", Agent: "Support team",
		Helpful: "Helpful?", Helped: "This answer helped", NotHelped: "This answer did not help",
		RatingError: "Your rating could not be sent.", Error: "Something went wrong. Please try again.",
		PersonError: "We could not reach a person. Please try again.",
		Download:    "Download this conversation", Erase: "Delete this conversation", EraseConfirm: "Delete this conversation? This cannot be undone.",
		Erased: "Your conversation was deleted.", EraseError: "The conversation could not be deleted.",
	},
	retrieval.Danish: {
		Title: "Kundeservice", Question: "Dit spørgsmål", Conversation: "Samtale",
		Placeholder: "Stil et spørgsmål om din ordre, levering, returnering ...", Send: "Send", Person: "Tal med en medarbejder",
		AIGenerated: "AI-genereret", Quoted: "AI-assistent · citeret fra vores hjælpecenter", Handed: "givet videre til en medarbejder",
		NoAnswer: "intet svar fundet", Sources: "Kilder", Agent: "Kundeservice",
		Helpful: "Hjalp svaret?", Helped: "Svaret hjalp", NotHelped: "Svaret hjalp ikke",
		RatingError: "Din vurdering kunne ikke sendes.", Error: "Noget gik galt. Prøv igen.",
		PersonError: "Vi kunne ikke få fat i en medarbejder. Prøv igen.",
		Download:    "Hent samtalen", Erase: "Slet samtalen", EraseConfirm: "Vil du slette samtalen? Det kan ikke fortrydes.",
		Erased: "Din samtale er slettet.", EraseError: "Samtalen kunne ikke slettes.",
	},
	retrieval.ChineseSimplified: {
		Title: "客服", Question: "您的问题", Conversation: "对话",
		Placeholder: "请输入您关于订单、配送、退货等的问题……", Send: "发送", Person: "转人工客服",
		AIGenerated: "AI 生成", Quoted: "AI 助手 · 引自帮助中心", Handed: "已转人工客服",
		NoAnswer: "未找到答案", Sources: "来源", Agent: "客服人员",
		Helpful: "这个回答有帮助吗？", Helped: "有帮助", NotHelped: "没有帮助",
		RatingError: "评价发送失败。", Error: "出错了，请重试。", PersonError: "暂时无法转接人工客服，请重试。",
		Download: "下载此对话", Erase: "删除此对话", EraseConfirm: "确定删除此对话吗？删除后无法恢复。",
		Erased: "您的对话已删除。", EraseError: "无法删除对话。",
	},
	retrieval.ChineseTraditional: {
		Title: "客服", Question: "您的問題", Conversation: "對話",
		Placeholder: "請輸入您關於訂單、配送、退貨等的問題……", Send: "傳送", Person: "轉接真人客服",
		AIGenerated: "AI 產生", Quoted: "AI 助理 · 引用自說明中心", Handed: "已轉接真人客服",
		NoAnswer: "找不到答案", Sources: "來源", Agent: "客服人員",
		Helpful: "這個回答有幫助嗎？", Helped: "有幫助", NotHelped: "沒有幫助",
		RatingError: "無法送出您的評價。", Error: "發生錯誤，請再試一次。", PersonError: "暫時無法轉接真人客服，請再試一次。",
		Download: "下載此對話", Erase: "刪除此對話", EraseConfirm: "確定要刪除此對話嗎？刪除後無法復原。",
		Erased: "您的對話已刪除。", EraseError: "無法刪除對話。",
	},
	retrieval.Malay: {
		Title: "Khidmat pelanggan", Question: "Soalan anda", Conversation: "Perbualan",
		Placeholder: "Tanya tentang pesanan, penghantaran, pemulangan ...", Send: "Hantar", Person: "Bercakap dengan ejen",
		AIGenerated: "Dijana AI", Quoted: "Pembantu AI · dipetik daripada pusat bantuan kami", Handed: "diserahkan kepada ejen",
		NoAnswer: "tiada jawapan ditemui", Sources: "Sumber", Agent: "Ejen",
		Helpful: "Adakah ini membantu?", Helped: "Jawapan ini membantu", NotHelped: "Jawapan ini tidak membantu",
		RatingError: "Penilaian anda tidak dapat dihantar.", Error: "Ada masalah. Sila cuba lagi.",
		PersonError: "Kami tidak dapat menghubungi ejen. Sila cuba lagi.",
		Download:    "Muat turun perbualan ini", Erase: "Padam perbualan ini", EraseConfirm: "Padam perbualan ini? Tindakan ini tidak boleh dibatalkan.",
		Erased: "Perbualan anda telah dipadam.", EraseError: "Perbualan tidak dapat dipadam.",
	},
}

func (s *Server) routeUI() {
	static, _ := fs.Sub(uiFiles, "ui")
	s.echo.GET("/", s.index)
	s.echo.GET("/static/*", echo.WrapHandler(http.StripPrefix("/static/", http.FileServer(http.FS(static)))))
}

// index renders the chat page in the language the browser prefers.
func (s *Server) index(c echo.Context) error {
	lang := preferredLanguage(c.Request().Header.Get("Accept-Language"))
	var buf bytes.Buffer
	err := indexTemplate.Execute(&buf, struct {
		pageWords
		Lang, Company, Disclosure string
	}{pageText[lang], lang, s.opts.Company, inference.Disclosure(lang)})
	if err != nil {
		return err
	}
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}

// preferredLanguage picks the first supported language in an
// Accept-Language header, English when none is.
func preferredLanguage(header string) string {
	for _, part := range strings.Split(header, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		if l := retrieval.NormalizeLanguage(tag); l != "" {
			return l
		}
	}
	return retrieval.English
}
