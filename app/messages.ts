import type { Dictionary, Locale } from '#app/core/i18n/i18n.ts'
import * as disclosurePublic from '#app/modules/disclosure/disclosure-public.messages.ts'
import * as disclosureSettings from '#app/modules/disclosure/disclosure-settings.messages.ts'
import * as disclosure from '#app/modules/disclosure/disclosure.messages.ts'
import * as feedbackCollection from '#app/modules/feedback/feedback-collection.messages.ts'
import * as feedback from '#app/modules/feedback/feedback.messages.ts'
import * as platform from '#app/modules/platform/platform.messages.ts'
import * as ui from '#app/ui/ui.messages.ts'

// Every module's messages, by language. A module adds its `<module>.messages.ts` here.
const sources = [ui, platform, feedback, feedbackCollection, disclosure, disclosurePublic, disclosureSettings] as const

export const MESSAGE_SOURCES: ReadonlyArray<{ vi: Dictionary; en: Dictionary }> = sources

export const MESSAGES: Record<Locale, Dictionary> = {
	vi: Object.assign({}, ...sources.map((s) => s.vi)),
	en: Object.assign({}, ...sources.map((s) => s.en)),
}
