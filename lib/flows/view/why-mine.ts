// "Why is this (not) mine?" for the person looking at a request, in words, from what the instance
// page already knows (the engine's eligibility for them and who the level waits for). Pure.

export type WhyInput = {
  status: string;
  levelName: string | null;
  isInitiator: boolean;
  actions: readonly string[];
  alreadyApproved: boolean;
  /** Labels of the viewer's keys that hold the current level ("role Finance"). */
  matched: readonly string[];
  /** Labels of who the current level waits for. */
  waitingFor: readonly string[];
};

const list = (labels: readonly string[]) => (labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`);

/** One sentence on whether the current level is the viewer's to act on, and why; null once it ended. */
export function whyMine(input: WhyInput): string | null {
  if (input.status !== "IN_PROGRESS" || !input.levelName) return null;
  const level = `“${input.levelName}”`;
  if (input.actions.length > 0) {
    return input.matched.length > 0 ? `${level} is yours to act on: it waits for ${list(input.matched)}, which is you.` : `${level} is yours to act on.`;
  }
  if (input.alreadyApproved) return `You already approved ${level}; it waits for the other approvers.`;
  if (input.matched.length > 0 && input.isInitiator) return `You started this request, and ${level} does not allow you to decide on your own request.`;
  if (input.matched.length > 0) return `You hold ${level}, but no action is allowed there for you.`;
  const waiting = input.waitingFor.length > 0 ? list(input.waitingFor) : "nobody yet (an admin can reassign it)";
  return `${level} waits for ${waiting}${input.isInitiator ? "" : " — you are not one of them"}.`;
}
