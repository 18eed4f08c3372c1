export { systemClock, DAY_MS, type Clock } from "./clock";
export { startCampaign } from "./start";
export { closeCampaign } from "./close";
export { listCounties, previewSelection, selectOrganizations, type SelectionPreview } from "./selection";
export { campaignProgress, summarize, CAMPAIGN_ORG_STATUSES, type CampaignOrgProgress, type CampaignSummary } from "./progress";
export { listCampaigns, getCampaign, type CampaignDetail, type CampaignListItem } from "./read";
export { REMIND_JOB, runCampaignReminders, resumeCampaignReminders } from "./remind";
export { registerCampaignJobs } from "./jobs";
export { campaignLink } from "./mail";
