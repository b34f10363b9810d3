/**
 * Block Kit limits we render within (Slack rejects a message that breaks them with
 * `invalid_blocks`). From Slack's Block Kit reference.
 */
export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the App Home tab. */
  viewBlocks: 100,
  sectionText: 3000,
  contextText: 3000,
  headerText: 150,
  /** Fields in one section, and characters in each. */
  sectionFields: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  selectOptions: 100,
  modalTitle: 24,
  privateMetadata: 3000,
  /**
   * The `text` of chat.postMessage shows in notifications and screen readers; Slack truncates
   * it at 40,000 characters, but a notification only needs the opening, so we keep it short.
   */
  fallbackText: 3000,
} as const;
