// English
export default {
  app: { name: 'Collections workbench', signOut: 'Sign out', language: '中文' },
  nav: { queue: 'My queue', cases: 'Cases', approvals: 'Approvals' },
  role: {
    collector: 'Collector', team_lead: 'Team lead', supervisor: 'Supervisor', legal: 'Legal', compliance: 'Compliance',
    agency_user: 'Agency user', admin: 'Administrator', auditor: 'Auditor',
  },
  signIn: {
    title: 'Sign in', login: 'Login', password: 'Password', submit: 'Sign in',
    required: 'Enter your login and password', failed: 'Wrong login or password', locked: 'Account locked: {detail}',
  },
  common: {
    loading: 'Loading…', empty: 'Nothing here', retry: 'Retry', error: 'Something went wrong', save: 'Save',
    cancel: 'Cancel', notFound: 'No such case in your scope', days: '{n} days', submit: 'Submit', close: 'Close',
  },
  queue: {
    title: "Today's queue", date: 'Date', search: 'Search by name, masked phone or id', rank: '#', customer: 'Customer',
    dpd: 'DPD', bucket: 'Bucket', overdue: 'Overdue', owed: 'Owed', action: 'Next action', template: 'Template',
    noContactToday: 'No contact today', noMatch: 'No match', promiseDue: 'Promise due', compliance: 'Compliance',
    contactFrom: 'Contact from', now: 'now', segment: 'Segment', count: '{n} cases', keyboard: '↑↓ to move, Enter to open',
  },
  action: {
    sms: 'SMS', call: 'Call', email: 'Email', letter: 'Letter', visit: 'Visit', field_visit: 'Field visit',
    legal_review: 'Legal review', agency_placement: 'Agency', none: 'None',
  },
  hold: {
    dispute: 'Dispute', cease_contact: 'Cease contact', complaint: 'Complaint', hardship: 'Hardship',
    vulnerable: 'Vulnerable', deceased: 'Deceased', bankruptcy: 'Bankruptcy', litigation: 'Litigation',
    plan_in_force: 'Plan in force',
  },
  stage: {
    new: 'New', reminding: 'Reminding', negotiating: 'Negotiating', arrangement: 'Arrangement', follow_up: 'Follow-up',
    escalated: 'Escalated', legal: 'Legal', closed: 'Closed',
  },
  case: {
    back: 'Back to the queue', debtor: 'Debtor', idNumber: 'ID number', reveal: 'Reveal', revealPurpose: 'Purpose',
    revealDone: 'This reveal is recorded', revealPurposeRequired: 'Say why you need it', accounts: 'Accounts', product: 'Product', principal: 'Principal',
    interest: 'Interest', penalty_interest: 'Penalty interest', compound_interest: 'Compound interest',
    late_fee: 'Late fee', installment_fee: 'Installment fee', other_fee: 'Other fees', penalty: 'Penalty', fees: 'Fees',
    total: 'Overdue total',
    notDue: 'Not yet due', contactPoints: 'Contact points', kind: 'Kind', value: 'Number / address',
    relation: 'Relation', status: 'Status', timeline: 'Timeline', holds: 'Holds', promises: 'Promises', stage: 'Stage',
    owner: 'Owner', opened: 'Opened', dpd: 'DPD',
  },
  event: {
    case_open: 'Opened', case_allocation_assign: 'Assigned', case_allocation_notice: 'Agency notice',
    case_stage: 'Stage', case_close: 'Closed', contact_call: 'Call', contact_sms: 'SMS', contact_email: 'Email',
    contact_letter: 'Letter', contact_visit: 'Visit', promise_new: 'Promise', payment: 'Payment',
    personal_data_reveal: 'Personal data revealed', hold_place: 'Hold', hold_release: 'Hold released',
    arrangement_new: 'Arrangement', dispute_open: 'Dispute',
  },
  contactKind: { mobile: 'Mobile', landline: 'Landline', email: 'Email', address: 'Address' },
  relation: { self: 'Self', spouse: 'Spouse', parent: 'Parent', employer: 'Employer', guarantor: 'Guarantor', emergency: 'Emergency', other: 'Other' },
  pointStatus: { unverified: 'Unverified', verified: 'Verified', invalid: 'Invalid', wrong_party: 'Wrong party' },
  contact: {
    title: 'Log a contact', channel: 'Channel', point: 'Contact point', outcome: 'Outcome', party: 'Party', notes: 'Notes',
    check: 'Pre-dial check', allowed: 'Compliance: contact allowed', refused: 'Compliance: contact not allowed',
    log: 'Log contact', logged: 'Logged', outcomeRequired: 'Choose the outcome', refusedLogged: 'Logged as not made: {reason}', verifyName: 'Name given',
    verifyId: 'Last 4 of the ID',
  },
  outcome: {
    no_answer: 'No answer', busy: 'Busy', not_in_service: 'Not in service', voicemail: 'Voicemail',
    wrong_number: 'Wrong number', right_party_contact: 'Right party', third_party: 'Third party', refused: 'Refused',
    promise: 'Promise to pay', dispute: 'Dispute', hardship: 'Hardship', callback_requested: 'Callback requested',
    paid_already: 'Says paid', deceased: 'Deceased', delivered: 'Delivered', not_delivered: 'Not delivered',
    visited_met: 'Visited, met', visited_not_met: 'Visited, not met',
  },
  partyKind: { debtor: 'Debtor', guarantor: 'Guarantor', emergency_contact: 'Emergency contact', third_party: 'Third party' },
  promise: {
    title: 'Promise to pay', amount: 'Amount', date: 'Date', record: 'Record promise', recorded: 'Promise recorded',
    status: 'Status', open: 'Open', kept: 'Kept', broken: 'Broken', cancelled: 'Cancelled',
  },
  plan: {
    title: 'Arrangement', kind: 'Kind', installment: 'Installments', deferral: 'Deferral', settlement: 'Settlement with waiver',
    periods: 'Periods', deferralDays: 'Days deferred', firstDue: 'First due', waive: 'Waive', preview: 'Preview',
    submit: 'Submit', withinAuthority: 'Within your authority: in force on submitting',
    beyondAuthority: 'Beyond your authority, goes to a supervisor: {items}', owed: 'Owed', waived: 'Waived',
    toPay: 'To pay', number: 'No.', due: 'Due', amount: 'Amount', inForce: 'Arrangement in force',
    sentForApproval: 'Sent for approval',
  },
};
