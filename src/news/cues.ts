// What a line of a scraped page is, told by its wording whatever its length:
// page furniture, photo captions, bylines, menus, copyright and reprint notes.
// One home for these cues: cleaning drops such lines, metadata reads some.
//
// Every pattern here is anchored or tested on a bounded slice of the line
// (CUE_SPAN), so that a hostile single-line page costs linear time.

/** Cues are looked for in a line's first (or last) this many characters. */
const CUE_SPAN = 300

const head = (line: string) => line.length <= CUE_SPAN ? line : line.slice(0, CUE_SPAN)
const tail = (line: string) => line.length <= CUE_SPAN ? line : line.slice(-CUE_SPAN)

// Lines that are page furniture whatever their length (one anchor for all: V8 then tries one position).
const FURNITURE = new RegExp(`^(?:${[
  String.raw`(?:top|bottom) of page`, String.raw`social media$`, String.raw`follow us`, String.raw`share(?: this| on)?\b`,
  String.raw`(?:read|see) (?:also|more)\b`, String.raw`also read\b`, String.raw`related(?: articles| news| stories| posts)?\b`,
  String.raw`recommended\s*:`, String.raw`advertisement$`, String.raw`(?:source|caption)\s*[:|©]`, String.raw`(?:©|copyright\b|\(c\))`,
  String.raw`all rights reserved`, String.raw`subscribe\b`, String.raw`sign (?:in|up)\b`, String.raw`log ?in\b`,
  String.raw`(?:skip to|go to) (?:the )?main\b`, String.raw`accessibility links$`, String.raw`breaking news$`,
  String.raw`(?:•\s*)?(?:instagram|facebook|x|twitter|linkedin|youtube|tiktok|telegram|whatsapp|viber|vk|ok)$`,
  String.raw`(?:tags?|keywords|теги|метки|ключевые слова)\s*:`, String.raw`(?:views|просмотр\p{L}*)\s*:?\s*\d`,
  String.raw`(?:noticed a typo|нашли ошибку|заметили ошибку)`,
  String.raw`читайте (?:также|нас|по теме|ещё|еще)`, String.raw`также читайте`, String.raw`читать (?:также|ещё|еще)`,
  String.raw`смотрите (?:также|видео)`, String.raw`подписывайтесь`, String.raw`подпишитесь`,
  String.raw`все новости`, String.raw`авторизуйтесь`, String.raw`войдите`, String.raw`реклама$`, String.raw`поделиться`,
  String.raw`(?:источник|видео)\s*:`, String.raw`свои вопросы`, String.raw`присылайте`, String.raw`новости партнеров`,
  String.raw`по теме:?$`, String.raw`материалы по теме`, String.raw`все права защищены`,
].join('|')})`, 'iu')

// Notes that an article was first published elsewhere ("This article was written
// by X for Vlast.kz and published on..."): about the article, not of it.
const REPUBLICATION = /^(?:this (?:article|story|post|piece|report) (?:was |is |has been )?(?:originally |first )?(?:written|published|produced|posted|republished|reprinted)|an? (?:edited |shorter |abridged )?version of this (?:article|story)|(?:re)?published (?:here )?(?:with (?:the )?permission|under a)|(?:материал|статья|публикация) (?:был[аи]? )?(?:впервые |изначально |первоначально )?(?:опубликован|подготовлен|написан))/iu

// Photo captions and credits: "Photo: AFJC", "Фото Синьхуа", "FILE - In this photo
// taken on...", "... (Courtesy Photo)", "... / Нозим Каландаров / ТАСС".
const CAPTION_CUE = /^(?:file(?: photo)?\s*[-–—:]|(?:photo|image|picture|video|illustration|graphic|фото|видео|изображение|иллюстрация|коллаж|скриншот|снимок|кадр)s?\s*(?:(?:by|credits?|courtesy|source|с сайта|из открытых)(?![\p{L}\p{N}])|[:|©/—-])|источник фото|credit\s*:|courtesy\b|in this (?:file )?(?:photo|picture|image)\b|на (?:фото|снимке)\s*:)/iu
// "Фото Синьхуа", "Photo AFP": the word and a name, nothing more
const CAPTION_SHORT = /^(?:photo|фото|снимок|кадр)\s+[^.!?]{1,50}$/iu
const CAPTION_END = /(?:\((?:[Cc]ourtesy |[Ff]ile |[Aa]rchive )?(?:[Pp]hoto|PHOTO|[Ii]mage|[Фф]ото|ФОТО)[^()]{0,60}\)|(?<![\p{L}\p{N}])(?:[Pp]hoto|PHOTO|[Фф]ото|ФОТО)\s*(?::\s*\p{L}|by\s+\p{Lu})[^.]{0,60}|\/\s*\p{L}[^/<>]{1,40}\/\s*\p{L}[^/<>]{1,40}|\/\s*(?:ТАСС|РИА Новости|Интерфакс|Sputnik|AFP|AP|Reuters|EPA|Getty Images|Shutterstock|Xinhua|Синьхуа)|©\s*[^.]{1,40})\.?$/u
// what a credit at a line's end needs somewhere in the line (a cheap test before CAPTION_END)
const CREDIT_MARK = /[/©(]|photo|фото/iu
/** captions are short; a paragraph that merely starts with "Фото" is prose */
const MAX_CAPTION = 250

// Bylines: "By Saida Kalkulova", "By Huseyn Hasanov– Trend:", "Автор: Иван Петров".
const BYLINE = /^(?:[Bb]y|[Ww]ritten by|[Аа]вторы?|[Тт]екст|[Aa]uthor)\s*:?\s+\p{Lu}/u
const MAX_BYLINE = 100

/** Lines of nothing but short items between separators (menus, breadcrumbs, share bars, language switches). */
const SEPARATOR = / (?:\||·|\/|>|»|•) /u
const MAX_MENU_ITEM_WORDS = 4

// Section names: a line of nothing else is a rubric, never a headline or a publisher.
const RUBRIC = /^(?:(?:the )?(?:world|news|latest|top stories|politics|economy|business|markets|finance|society|sports?|culture|opinions?|video|photos?|regions?|regional|local|nation(?:al)?|international|analysis|features|interviews?|transport|technology|tech|science|health|education|environment|incidents|entertainment|lifestyle|blogs?|podcasts|multimedia|president|government|in the world|в мире|в россии|мир|новости|главное|политика|экономика|бизнес|финансы|рынки|общество|спорт|культура|мнения|видео|фото|регионы?|в регионах|происшествия|аналитика|интервью|статьи|технологии|наука|здоровье|образование|президент|правительство|снг|тюркский мир)(?:\s*(?:\/|\||·|>)\s*)?)+$/iu

// Places where a date line says it is the article's own date.
const DATE_CUE = /^\(?(?:published|posted|first published|date|дата(?: публикации)?|опубликовано|размещено|публикация|создано)(?: on| в| от)?\s*:?\s/iu

/** Furniture or a note about the article: never body, whatever its length. */
export function isFurniture(line: string): boolean {
  const start = head(line)
  return FURNITURE.test(start) || REPUBLICATION.test(start) || isCookieNotice(line)
}

/** A cookie banner ("We use cookies...", "...обработки файлов cookie. Принять"). */
export function isCookieNotice(line: string): boolean {
  if (line.length > 600)
    return false
  const lower = line.toLowerCase()
  if (!lower.includes('cookie') && !lower.includes('куки'))
    return false
  return /\b(?:use|uses|accept|policy|consent|agree|continu\p{L}*|settings|preferences)\b|(?:используем|использует|соглаша|принима|продолжая|политик)/u.test(lower)
}

/** A photo caption or credit line. */
export function isCaption(line: string): boolean {
  if (line.length > MAX_CAPTION)
    return false
  return CAPTION_CUE.test(line) || CAPTION_SHORT.test(line) || (CREDIT_MARK.test(line) && CAPTION_END.test(tail(line)))
}

/** An author line ("By X", "Автор: X"). */
export function isByline(line: string): boolean {
  return line.length <= MAX_BYLINE && BYLINE.test(line)
}

/** A menu, breadcrumb, share bar or language switch: short items between separators. */
export function isMenu(line: string): boolean {
  if (line.length > CUE_SPAN || !SEPARATOR.test(line))
    return false
  const items = line.split(SEPARATOR).map(item => item.trim()).filter(Boolean)
  return items.length >= 2 && items.every(item => item.split(' ').length <= MAX_MENU_ITEM_WORDS)
}

/** A section name ("World", "В мире", "Политика / Статьи"). */
export function isRubric(line: string): boolean {
  return line.length <= 60 && RUBRIC.test(line)
}

/** How long the cue is that introduces a line's date as the article's own ("Published: ", "Опубликовано "); 0 when there is none. */
export function dateCueLength(line: string): number {
  return DATE_CUE.exec(head(line))?.[0].length ?? 0
}

/** A footnote such as "* Организация запрещена в РФ", when the text marks a word with an asterisk. */
export function isFootnote(line: string): boolean {
  return /^\*{1,3}\s*\p{L}/u.test(line) && line.length <= 400
}

/** Whether a text marks words for a footnote ("талибов*"). */
export function hasFootnoteMark(text: string): boolean {
  return text.includes('*') && /[\p{L}»"]\*/u.test(text)
}

/**
 * Splits a raw line at runs of spaces or tabs that separate short items (a menu
 * written "Home   News   World") and joins them with " | ", so that the line
 * still reads as a menu once whitespace is collapsed; any other line is returned
 * unchanged.
 */
export function markMenu(raw: string): string {
  if (raw.length > CUE_SPAN || !/\S(?: {2}|\t)/u.test(raw.trim()))
    return raw
  const items = raw.trim().split(/[ \t]{2,}|\t/u)
  const short = (item: string) => item.split(' ').length <= 3 && !(/[.!?]$/u.test(item) && item.includes(' '))
  return items.length >= 2 && items.every(short) ? items.join(' | ') : raw
}
