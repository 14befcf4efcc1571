-- Each row represents one term that a company's marketing and recruiting posts on one channel
-- share (kind 'shared': largest smaller-of-the-two centroid weight) or that pulls one side away
-- from the other (kind 'marketing' or 'recruiting': largest weight difference), ranked within its
-- company × channel × period × kind. Weights are TF-IDF centroid weights (0..1).
with final as (
    select
        t.company,
        c.is_focus,
        t.channel,
        t.period_kind,
        t.period_start,
        t.kind,
        t.term_rank,
        t.term,
        t.marketing_weight,
        t.recruiting_weight
    from consistency_terms as t
    left join companies as c
        on c.company = t.company
)

select * from final
