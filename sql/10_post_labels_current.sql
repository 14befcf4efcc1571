-- Each row represents one post's audience-intent label from the current labeler version.
-- The current version is the labelers row with is_current (the newest registered one, should a
-- mistake ever leave two flagged). Posts that version has not labeled have no row: downstream
-- views call their objective 'unlabeled' rather than guessing.
with current_labeler as (
    select
        labeler_version
    from labelers
    where is_current
    order by
        registered_at desc,
        labeler_version desc
    limit 1
),

final as (
    select
        l.channel,
        l.post_id,
        l.labeler_version,
        l.objective,
        l.theme,
        l.confidence,
        l.sentiment,
        l.sentiment_score,
        l.labeled_at
    from post_labels as l
    inner join current_labeler as c
        on c.labeler_version = l.labeler_version
)

select * from final
