// The accounts domain: invitations, single-use links, passwords, address changes, organisation contacts.
export { inviteUser, inviteInTransaction, type Invitation } from "./invite";
export { issueToken, checkToken, consumeToken, voidTokens, hashToken, TOKEN_REFUSALS, type TokenRefusal, type TokenCheck } from "./tokens";
export { setPasswordWithToken } from "./set-password";
export { requestPasswordReset, sendPasswordReset, RESET_JOB } from "./request-reset";
export { changePassword } from "./change-password";
export { requestEmailChange } from "./request-email-change";
export { confirmEmailChange } from "./confirm-email-change";
export { addContact } from "./add-contact";
export { updateContact } from "./update-contact";
export { removeContact } from "./remove-contact";
export { listOrganizationContacts, contactsOfOrganizations, type Contact } from "./list-contacts";
export { allowSend, SEND_LIMITS, sendKey } from "./send-throttle";
export { TOKEN_PURPOSES, CONTACT_KINDS, TOKEN_LIFETIME_MS, type TokenPurpose, type ContactKind } from "./vocabulary";
export { listOrganizationOfficials, type OfficialRow } from "./list-officials";
