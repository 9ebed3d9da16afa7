// How the workbench answers and asks: a short message after an action, and a
// line of text asked for before one (a reason, a purpose, a login). The
// Element Plus pieces and their styles are imported here once.
import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { i18n } from './i18n/index.js';

export const toast = ElMessage;

// The text typed, or null when cancelled. `required`: the message shown until at
// least two characters are typed (`pattern` replaces that check).
export async function askText(title, label, { required, pattern, confirm, password } = {}) {
  try {
    const { value } = await ElMessageBox.prompt(label, title, {
      inputPattern: pattern ?? (required ? /\S{2,}/ : undefined),
      inputErrorMessage: required,
      inputType: password ? 'password' : 'text',
      confirmButtonText: confirm,
      cancelButtonText: i18n.global.t('common.cancel'),
    });
    return value;
  } catch {
    return null;  // cancelled
  }
}
