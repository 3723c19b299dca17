/** localStorage when the policy allows it (only the last signed-in name is kept there). */
export function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
