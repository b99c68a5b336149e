// A side by side demonstration step could not be done in the screens (an element never shown,
// a message that never arrived): the French message says what is missing.
export class DemonstrationUiError extends Error {
  readonly code = 'MSS_SIM_UI_DEMONSTRATION_STEP';
  constructor(message: string) {
    super(message);
    this.name = 'DemonstrationUiError';
  }
}
