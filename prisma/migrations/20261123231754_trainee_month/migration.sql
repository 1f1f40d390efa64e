-- CreateTable
CREATE TABLE "TraineeMonth" (
    "workspaceId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "traineeId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,

    CONSTRAINT "TraineeMonth_pkey" PRIMARY KEY ("workspaceId","month","traineeId")
);

-- TraineeMonth follows DailyTrainee through statement-level triggers with transition tables:
-- set-based (one statement per write, however many rows), and exact under concurrency because
-- DailyTrainee's own inserts are ON CONFLICT DO NOTHING (a row inserted twice is counted once).
CREATE FUNCTION "trainee_month_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TraineeMonth" ("workspaceId", "month", "traineeId", "days")
  SELECT "workspaceId", date_trunc('month', "day")::date, "traineeId", count(*)::int
  FROM added GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("workspaceId", "month", "traineeId") DO UPDATE SET "days" = "TraineeMonth"."days" + EXCLUDED."days";
  RETURN NULL;
END $$;

CREATE FUNCTION "trainee_month_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TraineeMonth" m SET "days" = m."days" - g.n
  FROM (SELECT "workspaceId", date_trunc('month', "day")::date AS "month", "traineeId", count(*)::int AS n
        FROM removed GROUP BY 1, 2, 3) g
  WHERE m."workspaceId" = g."workspaceId" AND m."month" = g."month" AND m."traineeId" = g."traineeId";
  DELETE FROM "TraineeMonth" m
  WHERE m."days" <= 0
    AND (m."workspaceId", m."month", m."traineeId") IN (SELECT "workspaceId", date_trunc('month', "day")::date, "traineeId" FROM removed);
  RETURN NULL;
END $$;

CREATE TRIGGER "DailyTrainee_month_add" AFTER INSERT ON "DailyTrainee"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "trainee_month_add"();
CREATE TRIGGER "DailyTrainee_month_remove" AFTER DELETE ON "DailyTrainee"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "trainee_month_remove"();

-- Existing caches.
INSERT INTO "TraineeMonth" ("workspaceId", "month", "traineeId", "days")
SELECT "workspaceId", date_trunc('month', "day")::date, "traineeId", count(*)::int
FROM "DailyTrainee" GROUP BY 1, 2, 3;
