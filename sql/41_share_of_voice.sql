-- Each row represents one company × channel × objective × week (Monday, UTC of the post): how
-- many posts were about the company (post_mentions: its own posts and posts mentioning it), the
-- interactions those posts drew, and the company's share of each among all configured companies.
-- A post about two companies counts once for each, so shares are of company-mentions, not of
-- distinct posts. Deleted posts are left out; replies and comments count (they are conversation).
-- Every configured company has a row in each channel × objective × week that has any mention, so
-- a silent company shows a share of 0 and still weighs in the averages. competitor_avg_* are the
-- mean share of the non-focus companies, landscape_avg_* the mean over all companies.
with mentions as (
    select
        m.channel,
        m.post_id,
        m.company,
        p.author_type,
        cast(date_trunc('week', cast(p.created_at at time zone 'UTC' as date)) as date) as week_start,
        coalesce(l.objective, 'unlabeled') as objective,
        pm.interactions
    from post_mentions as m
    inner join posts as p
        on p.channel = m.channel
        and p.post_id = m.post_id
    inner join companies as c
        on c.company = m.company
    left join post_labels_current as l
        on l.channel = m.channel
        and l.post_id = m.post_id
    left join post_metrics_latest as pm
        on pm.channel = m.channel
        and pm.post_id = m.post_id
    where not p.is_deleted
),

company_counts as (
    select
        company,
        channel,
        objective,
        week_start,
        count(*) as mentions,
        count(case when author_type = 'owned' then 1 end) as owned_mentions,
        count(case when author_type = 'earned' then 1 end) as earned_mentions,
        sum(interactions) as interactions
    from mentions
    group by
        company,
        channel,
        objective,
        week_start
),

buckets as (
    select distinct
        channel,
        objective,
        week_start
    from mentions
),

spine as (
    select
        b.channel,
        b.objective,
        b.week_start,
        c.company,
        c.is_focus
    from buckets as b
    cross join companies as c
),

counts as (
    select
        s.company,
        s.is_focus,
        s.channel,
        s.objective,
        s.week_start,
        coalesce(cc.mentions, 0) as mentions,
        coalesce(cc.owned_mentions, 0) as owned_mentions,
        coalesce(cc.earned_mentions, 0) as earned_mentions,
        cast(coalesce(cc.interactions, 0) as bigint) as interactions
    from spine as s
    left join company_counts as cc
        on cc.company = s.company
        and cc.channel = s.channel
        and cc.objective = s.objective
        and cc.week_start = s.week_start
),

shares as (
    select
        company,
        is_focus,
        channel,
        objective,
        week_start,
        mentions,
        owned_mentions,
        earned_mentions,
        interactions,
        cast(mentions as double precision) / nullif(sum(mentions) over (partition by channel, objective, week_start), 0) as mention_share,
        cast(earned_mentions as double precision) / nullif(sum(earned_mentions) over (partition by channel, objective, week_start), 0) as earned_mention_share,
        cast(interactions as double precision) / nullif(sum(interactions) over (partition by channel, objective, week_start), 0) as interaction_share
    from counts
),

final as (
    select
        company,
        is_focus,
        channel,
        objective,
        week_start,
        mentions,
        owned_mentions,
        earned_mentions,
        interactions,
        mention_share,
        earned_mention_share,
        interaction_share,
        avg(case when not is_focus then mention_share end) over (partition by channel, objective, week_start) as competitor_avg_mention_share,
        avg(mention_share) over (partition by channel, objective, week_start) as landscape_avg_mention_share,
        avg(case when not is_focus then interaction_share end) over (partition by channel, objective, week_start) as competitor_avg_interaction_share,
        avg(interaction_share) over (partition by channel, objective, week_start) as landscape_avg_interaction_share
    from shares
)

select * from final
