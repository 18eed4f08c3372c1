-- An agreement is between a Swedish party (kommun, region, länsstyrelse) and a foreign one.
-- The one agreement write (lib/agreements/write.ts) checks this with a clear field error; the
-- database says it again, so that no path (a direct UPDATE included) can store a Chinese city
-- as the Swedish party or a kommun as the foreign one.
CREATE FUNCTION refuse_wrong_party_kinds() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  swedish_kind org_kind;
  foreign_kind org_kind;
BEGIN
  SELECT kind INTO swedish_kind FROM organizations WHERE id = NEW.swedish_org_id;
  SELECT kind INTO foreign_kind FROM organizations WHERE id = NEW.foreign_org_id;
  IF swedish_kind = 'foreign' THEN
    RAISE EXCEPTION 'agreement %: the Swedish party % is not Swedish', NEW.id, NEW.swedish_org_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'agreements_party_kinds';
  END IF;
  IF foreign_kind <> 'foreign' THEN
    RAISE EXCEPTION 'agreement %: the foreign party % is Swedish', NEW.id, NEW.foreign_org_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'agreements_party_kinds';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agreements_party_kinds
  BEFORE INSERT OR UPDATE OF swedish_org_id, foreign_org_id ON agreements
  FOR EACH ROW EXECUTE FUNCTION refuse_wrong_party_kinds();
--> statement-breakpoint
-- The same rule from the other side: an organisation that is a party cannot change sides.
CREATE FUNCTION refuse_party_side_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.kind = 'foreign') <> (NEW.kind = 'foreign') AND EXISTS (
    SELECT 1 FROM agreements WHERE swedish_org_id = NEW.id OR foreign_org_id = NEW.id
  ) THEN
    RAISE EXCEPTION 'organisation % is a party to agreements and cannot change between Swedish and foreign', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'agreements_party_kinds';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_party_side
  BEFORE UPDATE OF kind ON organizations
  FOR EACH ROW EXECUTE FUNCTION refuse_party_side_change();
